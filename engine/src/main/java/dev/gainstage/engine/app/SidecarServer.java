package dev.gainstage.engine.app;

import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.transport.AdapterService;
import dev.gainstage.engine.transport.PanelService;
import dev.gainstage.engine.transport.ViewPump;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The sidecar's gRPC server and its lifecycle: start after the injector exists, stop gracefully. */
public final class SidecarServer {
    /** A session with no adapter and no watcher for this long is forgotten (its decisions are stored). */
    static final long FORGET_IDLE_SESSIONS_AFTER_MINUTES = 10;

    private final ServerFactory factory;
    private final ViewPump pump;
    private final SessionRegistry registry;
    private final List<ServerServiceDefinition> services;
    private Server server;

    @Inject
    SidecarServer(
            ServerFactory factory,
            AdapterService adapterService,
            PanelService panelService,
            ViewPump pump,
            SessionRegistry registry,
            Set<ServerInterceptor> interceptors) {
        this.factory = factory;
        this.pump = pump;
        this.registry = registry;
        // Forward: the set's first interceptor (the token check, when there is one) sees a call first.
        List<ServerInterceptor> inOrder = List.copyOf(interceptors);
        this.services = List.of(
                ServerInterceptors.interceptForward(adapterService.definition(), inOrder),
                ServerInterceptors.interceptForward(panelService, inOrder));
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        pump.start();
        try {
            server = factory.start(services);
        } catch (IOException | RuntimeException e) {
            pump.stop();
            throw e;
        }
        // By the registry's ticker, the one the sessions stamp their idle time with.
        pump.every(
                TimeUnit.MINUTES.toMillis(1),
                () -> registry.forgetIdle(TimeUnit.MINUTES.toNanos(FORGET_IDLE_SESSIONS_AFTER_MINUTES)));
    }

    /** The bound port (useful with port 0). */
    public synchronized int port() {
        return server.getPort();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        pump.stop();
        server = null;
    }

    public void awaitTermination() throws InterruptedException {
        Server s;
        synchronized (this) {
            s = server;
        }
        if (s != null) {
            s.awaitTermination();
        }
    }
}
