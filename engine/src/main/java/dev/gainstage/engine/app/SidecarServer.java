package dev.gainstage.engine.app;

import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.transport.AdapterService;
import dev.gainstage.engine.transport.PanelService;
import dev.gainstage.engine.transport.TokenCheck;
import dev.gainstage.engine.transport.ViewPump;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The sidecar's gRPC server and its lifecycle: start after the injector exists, stop gracefully. */
public final class SidecarServer {
    private static final Logger LOG = Logger.getLogger(SidecarServer.class.getName());

    private final SidecarConfig config;
    private final AdapterService adapterService;
    private final PanelService panelService;
    private final ViewPump pump;
    private final SessionRegistry registry;
    private Server server;
    /** A session with no adapter and no watcher for this long is forgotten (its decisions are stored). */
    static final long FORGET_IDLE_SESSIONS_AFTER_MINUTES = 10;

    private final List<ServerInterceptor> interceptors;

    @Inject
    SidecarServer(
            SidecarConfig config,
            AdapterService adapterService,
            PanelService panelService,
            ViewPump pump,
            SessionRegistry registry,
            Set<ServerInterceptor> interceptors) {
        this.config = config;
        this.registry = registry;
        this.adapterService = adapterService;
        this.panelService = panelService;
        this.pump = pump;
        List<ServerInterceptor> all = new java.util.ArrayList<>(interceptors);
        config.security().token().ifPresent(t -> all.add(new TokenCheck(t)));
        this.interceptors = List.copyOf(all);
    }

    private ServerServiceDefinition adapter() {
        return ServerInterceptors.intercept(adapterService, interceptors);
    }

    private ServerServiceDefinition panel() {
        return ServerInterceptors.intercept(panelService, interceptors);
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        pump.start();
        pump.every(
                TimeUnit.MINUTES.toMillis(1),
                () -> registry.forgetIdle(
                        System.nanoTime(), TimeUnit.MINUTES.toNanos(FORGET_IDLE_SESSIONS_AFTER_MINUTES)));
        if (config.inProcessName().isPresent()) {
            server = InProcessServerBuilder.forName(config.inProcessName().get())
                    .directExecutor()
                    .addService(adapter())
                    .addService(panel())
                    .build()
                    .start();
            return;
        }
        InetAddress address = InetAddress.getByName(config.bindAddress());
        try {
            config.security().checkBind(address);
        } catch (IOException e) {
            pump.stop();
            throw e;
        }
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, config.port()))
                    .addService(adapter())
                    .addService(panel())
                    .maxInboundMessageSize(32 * 1024 * 1024);
            if (config.security().tls()) {
                builder.sslContext(GrpcSslContexts.forServer(
                                config.security().certificate().get().toFile(),
                                config.security().privateKey().get().toFile())
                        .build());
            }
            server = builder.build().start();
        } catch (IOException e) {
            pump.stop();
            throw new IOException(
                    "cannot listen on " + config.bindAddress() + ":" + config.port() + " (" + e.getMessage()
                            + "); is another sidecar running? Try --port 0 for a free port",
                    e);
        }
        LOG.info(() -> "listening on " + config.bindAddress() + ":" + server.getPort());
        if (config.portFile().isPresent()) {
            writeAtomically(config.portFile().get(), Integer.toString(server.getPort()));
        }
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

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
