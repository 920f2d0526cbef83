package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sidecar that lags: the real-time sim adapter keeps its pace (like an audio thread it never
 * waits), drops what cannot be sent, counts it, and the view shows the metering gap per stage.
 */
class BackpressureTest {
    @TempDir
    Path store;

    @Test
    void aLaggingSidecarMakesTheAdapterDropNotWait() throws Exception {
        SidecarServer server = Guice.createInjector(Modules.combine(
                        new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults()),
                        new LaggingSidecarModule(40)))
                .getInstance(SidecarServer.class);
        server.start();
        SidecarAddress address = new SidecarAddress("127.0.0.1", server.port());
        ManagedChannel channel = address.channel();
        try (SimAdapter adapter = new SimAdapter(
                SimSessionRenderer.create(SimSessions.demo(), Path.of(".")),
                "lag",
                "lag",
                SimAdapter.Speed.REALTIME,
                address)) {
            long t0 = System.nanoTime();
            adapter.run(6.0);
            double wall = (System.nanoTime() - t0) / 1e9;
            // 6 s of audio in about 6 s: the render loop kept real time although the sidecar could take
            // only ~25 batches a second of the ~190 it was offered.
            assertTrue(wall < 7.5, "the adapter waited for the sidecar: " + wall + " s for 6 s of audio");

            Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .watch(WatchRequest.newBuilder().setSessionKey("lag").build());
            SessionView view = views.next();
            while (view.getDroppedBlocks() == 0) {
                view = views.next();
            }
            assertTrue(view.getDroppedBlocks() > 100, "drops are counted: " + view.getDroppedBlocks());
            StageView kick = view.getRows(0).getStages(0);
            assertTrue(kick.getDroppedBlocks() > 0, "and shown per stage as a metering gap: " + kick);
        } finally {
            channel.shutdownNow();
            server.stop();
        }
    }
}
