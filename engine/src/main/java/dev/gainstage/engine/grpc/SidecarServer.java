package dev.gainstage.engine.grpc;

import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The sidecar's gRPC server and its lifecycle: start after the injector exists, stop gracefully. */
public final class SidecarServer {
    private static final Logger LOG = Logger.getLogger(SidecarServer.class.getName());

    private final SidecarConfig config;
    private final AdapterService adapterService;
    private final PanelService panelService;
    private final ViewPump pump;
    private Server server;

    @Inject
    SidecarServer(SidecarConfig config, AdapterService adapterService, PanelService panelService, ViewPump pump) {
        this.config = config;
        this.adapterService = adapterService;
        this.panelService = panelService;
        this.pump = pump;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        pump.start();
        if (config.inProcessName().isPresent()) {
            server = InProcessServerBuilder.forName(config.inProcessName().get()).directExecutor()
                    .addService(adapterService).addService(panelService).build().start();
            return;
        }
        InetAddress address = InetAddress.getByName(config.bindAddress());
        if (!address.isLoopbackAddress()) {
            pump.stop();
            throw new IOException("refusing to bind " + config.bindAddress() + ": only loopback addresses are "
                    + "served (a non-loopback bind needs TLS and a token, which this build does not offer yet)");
        }
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(address, config.port()))
                    .addService(adapterService).addService(panelService)
                    .maxInboundMessageSize(32 * 1024 * 1024)
                    .build().start();
        } catch (IOException e) {
            pump.stop();
            throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.port() + " ("
                    + e.getMessage() + "); is another sidecar running? Try --port 0 for a free port", e);
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
