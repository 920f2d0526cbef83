package dev.gainstage.engine.transport;

import dev.gainstage.engine.app.InProcessServerModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real sidecar in process with the default rules, and a channel to it; closing stops both. */
final class TestSidecar implements AutoCloseable {
    final ManagedChannel channel;
    private final SidecarServer server;

    TestSidecar(Path store) throws Exception {
        String name = "sidecar-" + UUID.randomUUID();
        server = InProcessServerModule.sidecar(name, store, RuleConfig.defaults())
                .getInstance(SidecarServer.class);
        server.start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }
}
