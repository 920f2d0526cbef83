package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.gainstage.engine.transport.ViewPump;
import io.grpc.ServerInterceptor;

/**
 * The gRPC side: the server, its services (bound just in time), the view pump and the interceptor
 * set. The server listens on a socket; tests bind {@link ServerFactory} to an in-process one instead.
 */
final class TransportModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ViewPump.class).in(Singleton.class);
        bind(SidecarServer.class).in(Singleton.class);
        bind(ServerFactory.class).to(SocketServerFactory.class);
        // Every service goes through these, in binding order (the first sees a call first): the
        // SecurityModule's token check, then any a test adds (one that slows the sidecar down).
        Multibinder.newSetBinder(binder(), ServerInterceptor.class);
    }
}
