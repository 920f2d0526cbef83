package dev.gainstage.panel.connection;

import dev.gainstage.client.Backoff;
import dev.gainstage.client.Reconnector;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SidecarDescription;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The panel's Watch stream, re-opened with backoff whenever it breaks, so the panel reconnects by
 * itself when the sidecar restarts. Callbacks run on gRPC threads; the panel model hops to the EDT.
 */
public final class ViewStream implements AutoCloseable {
    private final SidecarAddress address;
    private final ManagedChannel channel;
    private final Consumer<SessionView> onView;
    private final Consumer<ConnectionState> onState;
    private volatile boolean closed;
    /** The current Watch call has delivered a view (then the view's own state speaks, not the probe). */
    private volatile boolean viewing;

    private volatile ClientCallStreamObserver<WatchRequest> call;
    /**
     * Retries at most a second apart: a panel waiting for its sidecar should see it the moment it starts, and a
     * probe of a loopback port a second costs nothing.
     */
    private final Reconnector reconnector =
            new Reconnector("gainstage-panel-reconnect", this::open, new Backoff(Backoff.FIRST, Duration.ofSeconds(1)));

    public ViewStream(
            SidecarAddress address,
            ManagedChannel channel,
            Consumer<SessionView> onView,
            Consumer<ConnectionState> onState) {
        this.address = address;
        this.channel = channel;
        this.onView = onView;
        this.onState = onState;
    }

    public void start() {
        onState.accept(ConnectionState.connecting(address.toString()));
        open();
    }

    private void open() {
        if (closed) {
            return;
        }
        // Watch sends nothing until a DAW session exists: ask the sidecar itself, so a running sidecar with no
        // adapter yet shows as connected at once, not as "not running".
        PanelServiceGrpc.newStub(channel)
                .withDeadlineAfter(2, TimeUnit.SECONDS)
                .describe(DescribeRequest.getDefaultInstance(), new StreamObserver<>() {
                    @Override
                    public void onNext(SidecarDescription d) {
                        if (!closed && !viewing) {
                            reconnector.succeeded();
                            onState.accept(new ConnectionState(
                                    ConnectionState.Kind.CONNECTED,
                                    "connected to " + address + "; no DAW session yet (start an adapter, e.g."
                                            + " scripts/gainstage sim --demo)"));
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        // the Watch call below reports the failure and retries
                    }

                    @Override
                    public void onCompleted() {}
                });
        viewing = false;
        PanelServiceGrpc.newStub(channel)
                .watch(
                        WatchRequest.newBuilder().setMaxRateHz(30).build(),
                        new ClientResponseObserver<WatchRequest, SessionView>() {
                            private boolean first = true;

                            @Override
                            public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
                                call = requestStream;
                            }

                            @Override
                            public void onNext(SessionView view) {
                                if (first) {
                                    first = false;
                                    viewing = true;
                                    reconnector.succeeded();
                                    onState.accept(new ConnectionState(
                                            ConnectionState.Kind.CONNECTED, "connected to " + address));
                                }
                                onView.accept(view);
                            }

                            @Override
                            public void onError(Throwable t) {
                                retry(Status.fromThrowable(t));
                            }

                            @Override
                            public void onCompleted() {
                                retry(Status.UNAVAILABLE.withDescription("the sidecar ended the stream"));
                            }
                        });
    }

    private void retry(Status status) {
        if (closed) {
            return;
        }
        String why = status.getCode() == Status.Code.UNAVAILABLE
                ? "sidecar not running at " + address + " (start it with: " + address.startCommand() + ")"
                : "lost the sidecar: " + status.getCode() + " "
                        + (status.getDescription() == null ? "" : status.getDescription());
        onState.accept(new ConnectionState(ConnectionState.Kind.RECONNECTING, why));
        reconnector.retry();
    }

    @Override
    public void close() {
        closed = true;
        reconnector.close();
        ClientCallStreamObserver<WatchRequest> c = call;
        if (c != null) {
            c.cancel("panel closed", null);
        }
    }
}
