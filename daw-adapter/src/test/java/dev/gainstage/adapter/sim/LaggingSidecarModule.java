package dev.gainstage.adapter.sim;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.gainstage.proto.v1.AdapterMessage;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the sidecar take {@code millis} over every adapter message, until {@link #stopLagging}: a sidecar that
 * cannot keep up, and then can again. Counts the tap batches the sidecar took, and the largest one.
 */
final class LaggingSidecarModule extends AbstractModule {
    private final long millis;
    private volatile boolean lagging = true;
    private final AtomicLong batchesReceived = new AtomicLong();
    private final AtomicLong largestBatchBytes = new AtomicLong();

    LaggingSidecarModule(long millis) {
        this.millis = millis;
    }

    /** From now on the sidecar takes messages as fast as it can. */
    void stopLagging() {
        lagging = false;
    }

    /** Tap batches the sidecar has taken (passed on to its service) so far. */
    long batchesReceived() {
        return batchesReceived.get();
    }

    /** The largest tap batch taken so far, serialized. */
    long largestBatchBytes() {
        return largestBatchBytes.get();
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ServerInterceptor.class).addBinding().toInstance(new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
                ServerCall.Listener<Q> listener = next.startCall(call, headers);
                if (!call.getMethodDescriptor().getFullMethodName().endsWith("/Attach")) {
                    return listener;
                }
                return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
                    @Override
                    public void onMessage(Q message) {
                        if (lagging) {
                            try {
                                Thread.sleep(millis);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        if (message instanceof AdapterMessage m && m.hasTaps()) {
                            largestBatchBytes.accumulateAndGet(m.getSerializedSize(), Math::max);
                            batchesReceived.incrementAndGet();
                        }
                        super.onMessage(message);
                    }
                };
            }
        });
    }
}
