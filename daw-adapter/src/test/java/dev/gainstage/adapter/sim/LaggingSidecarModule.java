package dev.gainstage.adapter.sim;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/** Makes the sidecar take {@code millis} over every adapter message: a sidecar that cannot keep up. */
final class LaggingSidecarModule extends AbstractModule {
    private final long millis;

    LaggingSidecarModule(long millis) {
        this.millis = millis;
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
                        try {
                            Thread.sleep(millis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        super.onMessage(message);
                    }
                };
            }
        });
    }
}
