package dev.gainstage.engine.transport;

import com.google.protobuf.ByteString;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.TapSubscription;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted adapter for tests: a real gRPC client of the Attach stream, sending what a test tells it. */
final class TestAdapter implements AutoCloseable {
    /** A tap's signal: a sine of the given peak, or silence for NaN. */
    interface Signal {
        double peakDbfs(TapAssignment tap);
    }

    final BlockingQueue<SidecarMessage> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> ended = new LinkedBlockingQueue<>();
    private final StreamObserver<AdapterMessage> requests;
    private final java.util.List<SidecarMessage> unmatched = new java.util.ArrayList<>();
    private TapSubscription subscription;
    private volatile ClientCallStreamObserver<AdapterMessage> call;
    private volatile boolean canApplyFixes;
    private volatile boolean disconnectOnFix;

    TestAdapter(ManagedChannel channel) {
        requests = AdapterServiceGrpc.newStub(channel)
                .attach(new ClientResponseObserver<AdapterMessage, SidecarMessage>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<AdapterMessage> requestStream) {
                        call = requestStream;
                    }

                    @Override
                    public void onNext(SidecarMessage m) {
                        received.add(m);
                        if (disconnectOnFix && m.getBodyCase() == SidecarMessage.BodyCase.FIX) {
                            disconnect(); // as it is handed the fix, before it can answer
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        ended.add(new IllegalStateException("completed"));
                    }
                });
    }

    void send(AdapterMessage m) {
        requests.onNext(m);
    }

    void hello(String key) {
        send(AdapterMessage.newBuilder()
                .setHello(Hello.newBuilder()
                        .setProtocolVersion(1)
                        .setAdapterName("test")
                        .setSessionKey(key)
                        .setSessionName(key)
                        .setCanApplyFixes(canApplyFixes))
                .build());
    }

    /** Says in its hello that it applies fixes; it never answers one (a test answers or disconnects). */
    TestAdapter applyingFixes() {
        canApplyFixes = true;
        return this;
    }

    /** Goes away, as a crashed adapter does, on the first fix request it is sent. */
    TestAdapter disconnectingOnFix() {
        disconnectOnFix = true;
        return this;
    }

    /** Cancels the Attach stream: the adapter is gone without saying goodbye. */
    void disconnect() {
        call.cancel("the test adapter disconnects", null);
    }

    void snapshot(SessionSnapshot s) {
        send(AdapterMessage.newBuilder().setSnapshot(s).build());
    }

    /** Waits for the next message of a kind; messages of other kinds stay for later awaits. */
    SidecarMessage await(SidecarMessage.BodyCase kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SidecarMessage m = null;
            for (java.util.Iterator<SidecarMessage> it = unmatched.iterator(); it.hasNext(); ) {
                SidecarMessage u = it.next();
                if (u.getBodyCase() == kind) {
                    it.remove();
                    m = u;
                    break;
                }
            }
            if (m == null) {
                m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && m.getBodyCase() != kind) {
                    unmatched.add(m);
                    continue;
                }
            }
            if (m != null) {
                if (kind == SidecarMessage.BodyCase.TAPS) {
                    subscription = m.getTaps();
                }
                return m;
            }
        }
        throw new AssertionError("no " + kind + " message within 10 s");
    }

    ProtocolError awaitError() throws InterruptedException {
        return await(SidecarMessage.BodyCase.ERROR).getError();
    }

    TapSubscription subscription() {
        return subscription;
    }

    /** Streams {@code seconds} of mono 1 kHz sines (48 kHz, 256-frame blocks) on every subscribed tap. */
    void streamSines(double seconds, Signal signal) {
        int rate = 48_000;
        int frames = 256;
        long blocks = Math.round(seconds * rate / frames);
        for (long b = 0; b < blocks; b++) {
            TapBatch.Builder batch = TapBatch.newBuilder();
            for (TapAssignment tap : subscription.getTapsList()) {
                double peak = signal.peakDbfs(tap);
                double amp = Double.isNaN(peak) ? 0 : Math.pow(10, peak / 20);
                ByteBuffer buf = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < frames; i++) {
                    long n = b * frames + i;
                    buf.putFloat((float) (amp * Math.sin(2 * Math.PI * 1000 * n / rate)));
                }
                buf.flip();
                batch.addBlocks(TapBlock.newBuilder()
                        .setHandle(tap.getHandle())
                        .setSampleRate(rate)
                        .setChannels(1)
                        .setFrames(frames)
                        .setSamplePosition(b * frames)
                        .setSamples(ByteString.copyFrom(buf)));
            }
            send(AdapterMessage.newBuilder().setTaps(batch).build());
        }
    }

    @Override
    public void close() {
        try {
            requests.onCompleted();
        } catch (RuntimeException ignored) {
            // already closed by the server
        }
    }
}
