package dev.gainstage.engine.app;

import dev.gainstage.engine.metering.VectorSupport;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
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
import java.util.logging.Logger;

/**
 * The server on the configured address and port, with TLS when configured; refuses a bind the
 * security settings do not allow, and writes the bound port to the port file when one is set.
 */
final class SocketServerFactory implements ServerFactory {
    private static final Logger LOG = Logger.getLogger(SocketServerFactory.class.getName());
    /** Tap batches of many channels are large; the default 4 MiB refuses a busy session's. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 32 * 1024 * 1024;
    /**
     * How much an adapter may send ahead of what the sidecar has read, per stream. gRPC's 1 MiB held one
     * period of 1024 mono taps, so a period a little late (a judge tick, a collection) stopped the
     * adapter's stream at once; 2 MiB holds two, and keeps what a lagging sidecar can have in flight
     * (this, the adapter's 4 MB ready threshold and its own 1 MiB window) within the 8 MB the
     * adapters are built to drop at rather than buffer (BackpressureTest): 16 MiB let a small session
     * queue seconds of audio.
     */
    static final int FLOW_CONTROL_WINDOW_BYTES = 2 * 1024 * 1024;

    private final SidecarConfig config;

    @Inject
    SocketServerFactory(SidecarConfig config) {
        this.config = config;
    }

    @Override
    public Server start(List<ServerServiceDefinition> services) throws IOException {
        InetAddress address = InetAddress.getByName(config.bindAddress());
        SidecarSecurity security = config.security();
        security.checkBind(address);
        Server server;
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, config.port()))
                    .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                    .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES);
            services.forEach(builder::addService);
            if (security.tls()) {
                builder.sslContext(GrpcSslContexts.forServer(
                                security.certificate().get().toFile(),
                                security.privateKey().get().toFile())
                        .build());
            }
            server = builder.build().start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot listen on " + config.bindAddress() + ":" + config.port() + " (" + e.getMessage()
                            + "); is another sidecar running? Try --port 0 for a free port",
                    e);
        }
        LOG.info(() ->
                "listening on " + config.bindAddress() + ":" + server.getPort() + "; " + VectorSupport.describe());
        if (config.portFile().isPresent()) {
            try {
                writeAtomically(config.portFile().get(), Integer.toString(server.getPort()));
            } catch (IOException e) {
                server.shutdownNow(); // a script waiting for the port file would never find this server
                throw new IOException(
                        "cannot write --port-file " + config.portFile().get() + ": " + e, e);
            }
        }
        return server;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
