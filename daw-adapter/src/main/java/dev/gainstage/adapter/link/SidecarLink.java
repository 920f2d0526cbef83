package dev.gainstage.adapter.link;

import dev.gainstage.client.Reconnector;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.DawLocateResult;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SidecarMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * An adapter's connection to the sidecar: one Attach stream at a time, re-opened with backoff when it
 * breaks (the sidecar restarted, say). On every (re)connect it calls {@link Listener#onConnected} so
 * the adapter sends Hello and a snapshot again. Sending is serialized; {@link #isReady()} tells whether
 * the stream can take a message now, so a real-time producer can drop instead of waiting.
 */
public final class SidecarLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SidecarLink.class.getName());

    /** What the adapter does with the sidecar's messages. Called on gRPC threads. */
    public interface Listener {
        void onConnected(SidecarLink link);

        void onTaps(TapTable taps);

        void onFix(FixRequest fix);

        /** A level-matched A/B step; an adapter that cannot compare refuses it. */
        default void onCompare(CompareCommand command) {
            LOG.warning(() -> "this adapter cannot compare; refused " + command.getAction());
        }

        void onError(ProtocolError error);

        void onDisconnected(Status status);

        /**
         * The sidecar asks to move the DAW's playhead; answer with a {@link DawLocateResult} of the same id.
         * An adapter that cannot says so.
         */
        default void onLocate(SidecarLink link, DawLocateRequest request) {
            link.send(AdapterMessage.newBuilder()
                    .setLocateResult(DawLocateResult.newBuilder()
                            .setLocateId(request.getLocateId())
                            .setMessage("this adapter cannot move the playhead"))
                    .build());
        }
    }

    private final SidecarAddress address;
    private final ManagedChannel channel;
    private final Listener listener;
    private final Object sendLock = new Object();
    private final Object readyLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClientCallStreamObserver<AdapterMessage> stream;
    private volatile TapTable taps = TapTable.EMPTY;
    private final Reconnector reconnector = new Reconnector("gainstage-reconnect", this::connect);

    public SidecarLink(SidecarAddress address, Listener listener) {
        this.address = address;
        this.channel = address.channel();
        this.listener = listener;
    }

    public SidecarAddress address() {
        return address;
    }

    public void connect() {
        if (closed.get()) {
            return;
        }
        // A period of taps from a real DAW is tens of kB: a 4 MB ready threshold lets a few hundred ms of them
        // queue before a real-time producer has to drop (the default, 32 kB, is less than one batch).
        AdapterServiceGrpc.newStub(channel)
                .withWaitForReady()
                .withOnReadyThreshold(4 << 20)
                .attach(new ClientResponseObserver<AdapterMessage, SidecarMessage>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<AdapterMessage> requestStream) {
                        stream = requestStream;
                        requestStream.setOnReadyHandler(() -> {
                            synchronized (readyLock) {
                                readyLock.notifyAll();
                            }
                        });
                    }

                    @Override
                    public void onNext(SidecarMessage m) {
                        reconnector.succeeded();
                        switch (m.getBodyCase()) {
                            case TAPS -> {
                                taps = TapTable.of(m.getTaps());
                                listener.onTaps(taps);
                            }
                            case FIX -> listener.onFix(m.getFix());
                            case LOCATE -> listener.onLocate(SidecarLink.this, m.getLocate());
                            case COMPARE -> listener.onCompare(m.getCompare());
                            case ERROR -> listener.onError(m.getError());
                            default -> {}
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        lost(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        lost(Status.OK.withDescription("the sidecar closed the stream"));
                    }
                });
        listener.onConnected(this);
    }

    private void lost(Status status) {
        stream = null;
        taps = TapTable.EMPTY;
        listener.onDisconnected(status);
        if (closed.get()) {
            return;
        }
        reconnector.retry();
    }

    public TapTable taps() {
        return taps;
    }

    public boolean connected() {
        return stream != null;
    }

    /** Whether a message can be sent without queueing in gRPC's buffers. */
    public boolean isReady() {
        ClientCallStreamObserver<AdapterMessage> s = stream;
        return s != null && s.isReady();
    }

    /** Waits until the stream is ready or the timeout passes; for producers that may wait (max speed). */
    public boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (readyLock) {
            while (!isReady()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                readyLock.wait(Math.min(left, 50));
            }
        }
        return true;
    }

    /** Sends if connected (and not closed); returns whether it was handed to the stream. */
    public boolean send(AdapterMessage m) {
        synchronized (sendLock) {
            ClientCallStreamObserver<AdapterMessage> s = stream;
            if (s == null) {
                return false;
            }
            s.onNext(m);
            return true;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (sendLock) {
            ClientCallStreamObserver<AdapterMessage> s = stream;
            if (s != null) {
                s.onCompleted();
            }
            // gRPC refuses a message after onCompleted with an exception: a producer that took this link just before
            // it was replaced (the adapter attaching another session) must be told "not sent" instead.
            stream = null;
        }
        reconnector.close();
        channel.shutdown();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.shutdownNow();
    }
}
