package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.EndCompareRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StartCompareRequest;
import dev.gainstage.proto.v1.SwitchCompareRequest;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level-matched A/B end to end: a real sidecar on loopback, the sim adapter, the panel's calls. Loudness is what
 * the sidecar measures (short-term, 3 s), read from its view once 3.5 s of audio have passed since a switch.
 */
class CompareLoopbackTest {
    private static final String KEY = "cmp";
    private static final String COMP = "t/comp";
    /** A compressor that adds about 3 dB to a sine: 9 dB over its threshold at 4:1, then 10 dB of makeup. */
    private static final String SESSION = TestSessions.sineTrack("t", 1, -12, """
            plugins { id: "comp" name: "Comp" active: true compressor { threshold_db: -24 ratio: 4 makeup_db: 10 } }
            fader_db: -3
            """);

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path store;

    private SimSidecarRig rig;
    private SidecarServer server;
    private ManagedChannel channel;
    private SimSessionRenderer renderer;
    private SimAdapter adapter;
    private PanelServiceGrpc.PanelServiceBlockingStub panel;

    @BeforeEach
    void start() throws Exception {
        rig = SimSidecarRig.on(store)
                .renderer(TestSessions.renderer(SESSION))
                .session(KEY, KEY)
                .speed(SimAdapter.Speed.MAX)
                .start();
        server = rig.server;
        channel = rig.channel;
        renderer = rig.renderer;
        adapter = rig.adapter;
        panel = PanelServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void bothSidesPlayEquallyLoudAndThePluginEndsExactlyAsItWas() throws Exception {
        Iterator<SessionView> views = watch(channel);
        SessionView measured = measured(views);
        double processed = shortTerm(measured, "t/output");
        double makeupBefore = renderer.gainDb(COMP).orElseThrow();

        CompareResponse started = startCompare();
        double match = started.getCompare().getMatchDb();
        assertEquals(stage(measured, COMP).orElseThrow().getGainDeltaDb(), match, 0.5, "matched by what was measured");
        assertTrue(match > 2, "the compressor adds level: " + match);
        assertTrue(started.getCompare().getMatchOnPlugin(), "a sim plugin's own output takes the match");
        assertFalse(renderer.pluginActive(COMP).orElseThrow(), "side B: bypassed");

        SessionView b = settled(views, CompareSide.COMPARE_SIDE_B);
        assertEquals(CompareSide.COMPARE_SIDE_B, stage(b, COMP).orElseThrow().getCompareSide());
        assertEquals(CompareSide.COMPARE_SIDE_B, b.getCompare().getSide());
        assertFalse(stage(b, COMP).orElseThrow().getActive(), "the view mirrors the bypass");
        double bypassed = shortTerm(b, "t/output");

        CompareResponse a = panel.switchCompare(SwitchCompareRequest.newBuilder()
                .setSessionKey(KEY)
                .setSide(CompareSide.COMPARE_SIDE_A)
                .build());
        assertTrue(a.getApplied(), a.getMessage());
        assertTrue(renderer.pluginActive(COMP).orElseThrow());
        double matchedProcessed = shortTerm(settled(views, CompareSide.COMPARE_SIDE_A), "t/output");

        assertEquals(
                matchedProcessed, bypassed, 0.5, "the bypass and the processing play equally loud (within 0.5 LU)");
        assertEquals(processed - match, matchedProcessed, 0.5, "the processed side is matched by the measured change");
        assertTrue(
                processed - bypassed > 2, "unmatched, the bypass would be " + (processed - bypassed) + " dB quieter");

        CompareResponse ended = panel.endCompare(
                EndCompareRequest.newBuilder().setSessionKey(KEY).build());
        assertTrue(ended.getApplied(), ended.getMessage());
        assertFalse(ended.hasCompare());
        assertTrue(renderer.pluginActive(COMP).orElseThrow(), "active, as it was");
        assertEquals(makeupBefore, renderer.gainDb(COMP).orElseThrow(), 0.0, "its makeup exactly as it was");
        SessionView after = next(views, v -> !v.hasCompare());
        assertTrue(stage(after, COMP).orElseThrow().getActive());
        assertEquals(
                CompareSide.COMPARE_SIDE_UNSPECIFIED,
                stage(after, COMP).orElseThrow().getCompareSide());
    }

    @Test
    void aSidecarThatGoesAwayMidCompareLeavesThePluginAsItWas() throws Exception {
        double makeupBefore = startComparing();
        server.stop();
        await("the adapter put the plugin back when its stream ended", () -> !adapter.comparing());
        assertTrue(renderer.pluginActive(COMP).orElseThrow());
        assertEquals(makeupBefore, renderer.gainDb(COMP).orElseThrow(), 0.0);
    }

    @Test
    void aPanelThatGoesAwayMidCompareLeavesThePluginAsItWas() throws Exception {
        double makeupBefore = startComparing();
        watchChannel.shutdownNow(); // the panel's watch was the session's only one
        await("the sidecar ended the comparison when its last watcher went", () -> !adapter.comparing());
        assertTrue(renderer.pluginActive(COMP).orElseThrow());
        assertEquals(makeupBefore, renderer.gainDb(COMP).orElseThrow(), 0.0);
    }

    private ManagedChannel watchChannel;

    /** Watches on a channel of its own (a panel's), measures, starts comparing; returns the makeup before. */
    private double startComparing() throws Exception {
        watchChannel = new SidecarAddress("127.0.0.1", server.port()).channel();
        Iterator<SessionView> views = watch(watchChannel);
        measured(views);
        double makeupBefore = renderer.gainDb(COMP).orElseThrow();
        startCompare();
        assertTrue(adapter.comparing());
        assertFalse(renderer.pluginActive(COMP).orElseThrow());
        return makeupBefore;
    }

    /** The first view once the compressor has played 6 s: its loudness change is measured. */
    private static SessionView measured(Iterator<SessionView> views) {
        return next(
                views, v -> stage(v, COMP).map(StageView::hasGainDeltaDb).orElse(false) && v.getAudioTimeSeconds() > 6);
    }

    private CompareResponse startCompare() {
        CompareResponse started = panel.startCompare(StartCompareRequest.newBuilder()
                .setSessionKey(KEY)
                .setStageId(COMP)
                .build());
        assertTrue(started.getApplied(), started.getMessage());
        return started;
    }

    private static Iterator<SessionView> watch(ManagedChannel on) {
        return PanelServiceGrpc.newBlockingStub(on)
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .watch(WatchRequest.newBuilder().setSessionKey(KEY).build());
    }

    /**
     * The first view 3.5 s of audio after the first that shows {@code side} playing (the plugin's new state reaches
     * the sidecar within a block of the switch): the short-term loudness then is all of that side.
     */
    private static SessionView settled(Iterator<SessionView> views, CompareSide side) {
        boolean active = side == CompareSide.COMPARE_SIDE_A;
        double from = next(
                        views,
                        v -> stage(v, COMP)
                                .map(s -> s.getCompareSide() == side && s.getActive() == active)
                                .orElse(false))
                .getAudioTimeSeconds();
        return next(views, v -> v.getAudioTimeSeconds() > from + 3.5);
    }

    private static SessionView next(Iterator<SessionView> views, Predicate<SessionView> wanted) {
        SessionView v = views.next();
        while (!wanted.test(v)) {
            v = views.next();
        }
        return v;
    }

    private static Optional<StageView> stage(SessionView v, String stageId) {
        return v.getRowsList().stream()
                .flatMap(r -> r.getStagesList().stream())
                .filter(s -> s.getStageId().equals(stageId))
                .findFirst();
    }

    private static double shortTerm(SessionView v, String stageId) {
        StageView s = stage(v, stageId).orElseThrow();
        assertTrue(s.getOutput().hasShortTermLufs(), "no loudness measured at " + stageId + ": " + s);
        return s.getOutput().getShortTermLufs();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "never happened: " + what);
            Thread.sleep(20);
        }
    }
}
