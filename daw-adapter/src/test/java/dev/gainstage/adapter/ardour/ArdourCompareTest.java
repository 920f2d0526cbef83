package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.EndCompareRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StartCompareRequest;
import dev.gainstage.proto.v1.SwitchCompareRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Level-matched A/B in a real Ardour (the headless host on JACK with the demo session): the Gtr compressor adds
 * +6 dB of makeup; Compare bypasses it over OSC, matched on its makeup where that can be lowered by the measured
 * change (its range starts at 0 dB), else on the trim before it (Gtr's fader, at 0 dB, cannot go above +6 dB), and
 * puts everything back at the end, or when the sidecar goes away. Read back from the adapter's mirror of what the bridge
 * reports, and from the sidecar's view.
 */
@Tag("ardour")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArdourCompareTest {
    private ArdourRig rig;
    private DemoSessionFile demo;
    private String comp;

    @BeforeAll
    void start() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        rig = ArdourRig.start(Files.createTempDirectory("gainstage-ardour-compare"));
        demo = DemoSessionFile.read(rig.session);
        comp = demo.stageOf("Gtr", "ACE Compressor");
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
            TestDirs.removeUnlessKept(rig.dir);
        }
    }

    @Test
    @Order(1)
    void compareBypassesTheCompressorLevelMatchedAndRestoresIt() throws Exception {
        SessionView measured = rig.views.await(
                "the compressor's loudness change measured",
                30_000,
                v -> stage(v, comp).map(s -> s.hasGainDeltaDb()).orElse(false) && v.getAudioTimeSeconds() > 5);
        double makeup = mirrored().getGainDb();
        assertEquals(6, makeup, 0.05, "the demo's makeup");
        ManagedChannel channel = channel();
        try {
            PanelServiceGrpc.PanelServiceBlockingStub panel =
                    PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
            String trim = demo.stageOf("Gtr", "Trim");
            double trimBefore = gainOf(trim);
            CompareResponse b = startWhenMeasured(channel, measured.getSessionKey());
            double match = b.getCompare().getMatchDb();
            assertEquals(6, match, 0.5, "matched by the measured change");
            // The makeup (+6 dB, from 0 dB up) takes a match up to 6 dB; the fader (0 dB, up to +6 dB) no more;
            // a match above 6 dB (Ardour measures 6.0 to 6.05) goes to the trim.
            boolean onPlugin = b.getCompare().getMatchOnPlugin();
            assertEquals(match <= makeup, onPlugin, "the makeup takes the match while its range allows");
            assertEquals(onPlugin ? comp : trim, b.getCompare().getMatchStageId());
            assertFalse(mirrored().getActive(), "side B: Ardour shows the compressor deactivated");
            assertEquals(
                    onPlugin ? trimBefore : trimBefore + match,
                    gainOf(trim),
                    0.1,
                    "side B: the bypass raised by the match where the makeup cannot take it");
            rig.views.await(
                    "the sidecar's graph shows the bypass",
                    10_000,
                    v -> !stage(v, comp).orElseThrow().getActive());

            CompareResponse a = panel.switchCompare(SwitchCompareRequest.newBuilder()
                    .setSessionKey(measured.getSessionKey())
                    .setSide(CompareSide.COMPARE_SIDE_A)
                    .build());
            assertTrue(a.getApplied(), a.getMessage());
            assertTrue(mirrored().getActive(), "side A: active again");
            assertEquals(onPlugin ? makeup - match : makeup, mirrored().getGainDb(), 0.1, "side A: the makeup matched");
            assertEquals(trimBefore, gainOf(trim), 0.05, "side A: the trim as it was");

            CompareResponse end = panel.endCompare(EndCompareRequest.newBuilder()
                    .setSessionKey(measured.getSessionKey())
                    .build());
            assertTrue(end.getApplied(), end.getMessage());
            assertTrue(mirrored().getActive());
            assertEquals(makeup, mirrored().getGainDb(), 0.05, "the makeup as it was");
            assertEquals(trimBefore, gainOf(trim), 0.05, "the trim as it was");
            assertFalse(rig.adapter.comparing());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aSidecarThatGoesAwayMidCompareLeavesTheCompressorAsItWas() throws Exception {
        SessionView measured = rig.views.await(
                "the compressor measured again",
                30_000,
                v -> stage(v, comp)
                        .map(s -> s.getActive() && s.hasGainDeltaDb())
                        .orElse(false));
        double makeup = mirrored().getGainDb();
        ManagedChannel channel = channel();
        try {
            CompareResponse b = startWhenMeasured(channel, measured.getSessionKey());
            assertFalse(mirrored().getActive());
        } finally {
            channel.shutdownNow();
        }
        rig.stopSidecar();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (rig.adapter.comparing() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertFalse(rig.adapter.comparing(), "the adapter ended the comparison when its stream ended");
        assertTrue(mirrored().getActive(), "Ardour shows the compressor active again");
        assertEquals(makeup, mirrored().getGainDb(), 0.05);
    }

    /**
     * Starts comparing the compressor once the judge's window holds 3 s of it (it restarts with every change of
     * the stage); fails on any other refusal.
     */
    private CompareResponse startWhenMeasured(ManagedChannel channel, String key) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            CompareResponse r = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .startCompare(StartCompareRequest.newBuilder()
                            .setSessionKey(key)
                            .setStageId(comp)
                            .build());
            if (r.getApplied() || !r.getMessage().startsWith("no loudness measured") || System.nanoTime() > until) {
                assertTrue(r.getApplied(), r.getMessage());
                return r;
            }
            Thread.sleep(250);
        }
    }

    /** The compressor as the bridge last reported it. */
    private Stage mirrored() {
        return mirrored(comp);
    }

    private double gainOf(String stageId) {
        return mirrored(stageId).getGainDb();
    }

    private Stage mirrored(String stageId) {
        return rig.adapter.session().orElseThrow().strips().stream()
                .flatMap(s -> s.getStagesList().stream())
                .filter(s -> s.getId().equals(stageId))
                .findFirst()
                .orElseThrow();
    }

    private ManagedChannel channel() {
        return NettyChannelBuilder.forAddress("127.0.0.1", rig.sidecarPort)
                .usePlaintext()
                .build();
    }
}
