package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;
import static dev.gainstage.adapter.ardour.testing.ViewWatcher.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.UndoDecisionRequest;
import dev.gainstage.proto.v1.UndoDecisionResponse;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WarningState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Ardour adapter against real Ardour (the newest ardourN-lua on the PATH, or $ARDOUR_LUA: 7.3, 8.x or 9.x,
 * on a private JACK server, or on PipeWire's JACK with GAINSTAGE_AUDIO_SERVER=pipewire: scripts/pipewire-e2e) and a
 * real sidecar: one demo session, rolled and looped, and the sidecar's views as the panel sees them. Skipped, with
 * the reason, where no ardourN-lua or jackd is installed. The tests run in order on one rig (starting Ardour takes
 * seconds); the last ones restart the sidecar and Ardour.
 */
@Tag("ardour")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArdourEndToEndTest {
    private ArdourRig rig;
    private DemoSessionFile demo;
    private Map<String, String> routeIds; // name -> Ardour route id, from the session file
    private Map<String, List<String[]>> chains; // route name -> {processor id, kind, name, uri, active}

    @BeforeAll
    void start() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        Path dir = Files.createTempDirectory("gainstage-ardour-test");
        rig = ArdourRig.start(dir);
        demo = DemoSessionFile.read(rig.session);
        routeIds = demo.routeIds;
        chains = demo.chains;
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
            TestDirs.removeUnlessKept(rig.dir);
        }
    }

    private String vox(String processorName) {
        return stageOf("Vox", processorName);
    }

    private String stageOf(String route, String processorName) {
        return demo.stageOf(route, processorName);
    }

    private String source(String route) {
        return demo.source(route);
    }

    private SessionView rolling() throws InterruptedException {
        return demo.rolling(rig.views);
    }

    // ---- the session file, as Ardour saved it ---------------------------------------------------

    /** Which routes each route's outputs connect to, from the IO Port Connection elements of the file. */
    private static Map<String, Set<String>> routingOf(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Map<String, Set<String>> out = new LinkedHashMap<>();
        NodeList routes = doc.getElementsByTagName("Route");
        for (int i = 0; i < routes.getLength(); i++) {
            Element r = (Element) routes.item(i);
            if (!r.getAttribute("active").equals("1")) {
                continue;
            }
            Set<String> feeds = new TreeSet<>();
            NodeList ios = r.getElementsByTagName("IO");
            for (int k = 0; k < ios.getLength(); k++) {
                Element io = (Element) ios.item(k);
                if (!io.getAttribute("direction").equals("Output") || io.getParentNode() != r) {
                    continue;
                }
                NodeList conns = io.getElementsByTagName("Connection");
                for (int c = 0; c < conns.getLength(); c++) {
                    String other = ((Element) conns.item(c)).getAttribute("other");
                    if (other.contains("/audio_in")) {
                        feeds.add(other.substring(0, other.indexOf('/')));
                    }
                }
            }
            out.put(r.getAttribute("name"), feeds);
        }
        return out;
    }

    // ---- the tests ------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theSnapshotMirrorsTheSessionsChainsExactly() throws Exception {
        SessionView v = rolling();
        assertEquals("ardour:" + rig.session.getParent(), v.getSessionKey());
        // the bridge says which Ardour runs the session, and that is what the adapter names
        String daw = rig.adapter.dawName().orElseThrow();
        System.out.println("DAW: " + daw + " (revision "
                + rig.adapter.session().orElseThrow().ardourRevision() + ")");
        assertTrue(daw.matches("Ardour \\d+\\.\\d+"), daw);
        assertEquals(routeIds.size(), v.getRowsCount(), ViewWatcher.describe(v));
        Map<String, Set<String>> routing = routingOf(rig.session);
        for (Map.Entry<String, List<String[]>> route : chains.entrySet()) {
            OverviewRow row = ViewWatcher.row(v, route.getKey())
                    .orElseThrow(() -> new AssertionError("no row for " + route.getKey()));
            assertEquals("r" + routeIds.get(route.getKey()), row.getStripId());
            List<String> expected = new ArrayList<>();
            expected.add(row.getStripId() + "/source SOURCE");
            for (String[] p : route.getValue()) {
                expected.add(row.getStripId() + "/p" + p[0] + " "
                        + switch (p[1]) {
                            case "trim" -> "TRIM";
                            case "fader" -> "FADER";
                            case "output" -> "OUTPUT";
                            case "plugin" -> "PLUGIN";
                            default -> "SEND";
                        }
                        + (p[1].equals("plugin") ? " " + p[2] + (p[4].equals("1") ? "" : " (off)") : ""));
            }
            List<String> actual = row.getStagesList().stream()
                    .map(s -> s.getStageId() + " "
                            + s.getKind().name().replace("STAGE_KIND_", "")
                            + (s.getKind() == StageKind.STAGE_KIND_PLUGIN
                                    ? " " + s.getName() + (s.getActive() ? "" : " (off)")
                                    : ""))
                    .toList();
            assertEquals(expected, actual, route.getKey() + "'s chain");
            Set<String> feeds = new TreeSet<>();
            for (String target : row.getOutputsList()) {
                feeds.add(v.getRowsList().stream()
                        .filter(r -> r.getStripId().equals(target))
                        .findFirst()
                        .orElseThrow()
                        .getName());
            }
            assertEquals(routing.get(route.getKey()), feeds, route.getKey() + "'s outputs");
        }
        // the plugins' identities, as the session file names them
        ArdourSession s = rig.adapter.session().orElseThrow();
        for (String[] p : chains.get("Gtr")) {
            if (p[1].equals("plugin")) {
                String id = "r" + routeIds.get("Gtr") + "/p" + p[0];
                assertEquals(
                        p[3],
                        s.strips().stream()
                                .flatMap(x -> x.getStagesList().stream())
                                .filter(x -> x.getId().equals(id))
                                .findFirst()
                                .orElseThrow()
                                .getPluginUri());
            }
        }
    }

    @Test
    @Order(2)
    void everyTapReadsTheLevelOfTheStageItTaps() throws Exception {
        rolling();
        // The tones and gains of the demo session: each tap must read the level the stage has, within 0.1 dB.
        Map<String, Double> expected = demo.expectedLevels();
        SessionView v = rig.views.await(
                "the taps at their stages' levels", 30_000, view -> DemoSessionFile.atLevels(view, expected, 0.1));
        // drops are counted from here: Ardour loading, the adapter joining and a cold JIT are behind us
        long periodsBefore = rig.adapter.periodsSent();
        long droppedBefore = v.getDroppedBlocks();
        // ...and the fader outputs read what Ardour's own (post-fader) meters read
        for (String route : List.of("Vox", "Gtr", "Keys")) {
            double ardour = demo.ardourMeter(rig, route);
            double tap =
                    stage(v, stageOf(route, "Fader")).orElseThrow().getOutput().getSamplePeakDbfs();
            System.out.printf(
                    Locale.ROOT, "%s: Ardour's meter %.2f dBFS, gainstage's fader tap %.2f dBFS%n", route, ardour, tap);
            assertEquals(ardour, tap, 0.1, route + ": tap vs Ardour's meter");
        }
        System.out.printf(
                Locale.ROOT,
                "taps: %d tap points in one batch, %d JACK tap sources (%d channels wired)%n",
                rig.adapter.maxTapsInBatch(),
                rig.adapter.jack().sources(),
                rig.adapter.connectedTapChannels());
        // at least 2000 periods (about 10 s) of running taps to judge the drops on
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rig.adapter.periodsSent() - periodsBefore < 2000 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the adapter reports its drops every second
        SessionView latest = rig.views.latest();
        long periods = rig.adapter.periodsSent() - periodsBefore;
        long dropped = latest.getDroppedBlocks() - droppedBefore;
        System.out.printf(
                Locale.ROOT,
                "since the levels: periods sent %d, dropped tap blocks %d (%d before); JACK xruns %d%n",
                periods,
                dropped,
                droppedBefore,
                rig.adapter.jack().xruns());
        long blocks = periods * rig.adapter.maxTapsInBatch();
        assertTrue(periods >= 2000, "only " + periods + " periods sent in 60 s");
        assertTrue(
                dropped <= blocks / 100,
                "more than 1% of " + blocks + " tap blocks dropped since the levels: " + dropped);
        assertEquals(0, rig.adapter.jack().callbackErrors());
    }

    @Test
    @Order(5)
    void theJackCallbackAllocatesNothing() throws Exception {
        // measured inside the real JACK process callback, around our code (JNA's dispatch is not ours to count)
        rig.views.await(
                "the allocation probe warmed up",
                60_000,
                v -> rig.adapter.jack().probedPeriods() > 1000);
        System.out.printf(
                Locale.ROOT,
                "JACK callback: %d periods probed, %d allocated (at most %d bytes)%n",
                rig.adapter.jack().probedPeriods(),
                rig.adapter.jack().allocatingPeriods(),
                rig.adapter.jack().maxCallbackAllocation());
        assertEquals(0, rig.adapter.jack().allocatingPeriods(), "periods in which our JACK callback code allocated");
        assertEquals(0, rig.adapter.implausibleBlocks(), "tap blocks that could not be audio");
    }

    @Test
    @Order(3)
    void aHotAmplifierAndACompressorsMakeupRaiseTheirWarnings() throws Exception {
        String amp = vox("ACE Amplifier");
        String comp = stageOf("Gtr", "ACE Compressor");
        SessionView v = rig.views.await(
                "PLUGIN_OUTPUT_HOT on the amplifier and PLUGIN_GAIN_MISMATCH on the compressor",
                30_000,
                view -> warning(view, "PLUGIN_OUTPUT_HOT", amp).isPresent()
                        && warning(view, "PLUGIN_GAIN_MISMATCH", comp).isPresent());
        ArdourSession s = rig.adapter.session().orElseThrow();
        Warning hot = warning(v, "PLUGIN_OUTPUT_HOT", amp).orElseThrow();
        // Ardour's meter is post-fader (-10 dB on Vox): the amplifier's output is 10 dB above it
        double ardourAmpOut = demo.ardourMeter(rig, "Vox") + 10;
        assertEquals(
                ardourAmpOut,
                stage(v, amp).orElseThrow().getOutput().getSamplePeakDbfs(),
                0.5,
                "the hot output's sample peak vs Ardour's meter");
        // the warning takes the worse of sample and true peak; the loop's seam adds inter-sample overs
        assertTrue(hot.getMeasured() >= ardourAmpOut - 0.5, "measured " + hot.getMeasured());
        Warning mismatch = warning(v, "PLUGIN_GAIN_MISMATCH", comp).orElseThrow();
        assertEquals(6.0, mismatch.getMeasured(), 0.5, "the compressor's makeup");
        double ardourGtr = demo.ardourMeter(rig, "Gtr");
        assertEquals(
                ardourGtr,
                stage(v, comp).orElseThrow().getOutput().getSamplePeakDbfs(),
                0.5,
                "the compressor's output vs Ardour's meter");
        assertTrue(warning(v, "PLUGIN_OUTPUT_HOT", comp).isEmpty(), "the compressor's output is not hot");
        assertEquals(1, mismatch.getFixCount());
        assertEquals(-6.0, mismatch.getFix(0).getChangeDb(), 0.5);
        assertEquals(comp, mismatch.getFix(0).getStageId());
    }

    @Test
    @Order(4)
    void applyingTheSuggestedFixThroughOscClearsTheWarning() throws Exception {
        String comp = stageOf("Gtr", "ACE Compressor");
        SessionView v = rig.views.await(
                "the compressor's mismatch",
                30_000,
                view -> warning(view, "PLUGIN_GAIN_MISMATCH", comp).isPresent());
        String id = warning(v, "PLUGIN_GAIN_MISMATCH", comp).orElseThrow().getId();
        double makeupBefore = gain(comp);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", rig.sidecarPort)
                .usePlaintext()
                .build();
        try {
            PanelServiceGrpc.PanelServiceBlockingStub panel =
                    PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
            ApplyFixResponse r = panel.applyFix(ApplyFixRequest.newBuilder()
                    .setSessionKey(v.getSessionKey())
                    .setWarningId(id)
                    .build());
            assertTrue(r.getApplied(), r.getMessage());
            awaitMakeup(comp, 0, "the makeup at 0 dB in the sidecar's graph");
            // Undo sets the makeup back to its value before the fix, through OSC; Ardour shows it (read back by
            // the bridge into the adapter's graph)
            UndoDecisionResponse undone = panel.undoDecision(UndoDecisionRequest.newBuilder()
                    .setSessionKey(v.getSessionKey())
                    .setKind(DecisionKind.DECISION_KIND_FIX)
                    .build());
            assertTrue(undone.getUndone(), undone.getMessage());
            assertEquals(makeupBefore, undone.getDecision().getGains(0).getBeforeDb(), 0.05);
            awaitMakeup(comp, makeupBefore, "the makeup back at its value before the fix");
            assertEquals(makeupBefore, gain(comp), 0.05, "Ardour shows the makeup as it was");
            // and the fix again, for the tests after this one
            ArdourSurface surface = new ArdourSurface(new InetSocketAddress("127.0.0.1", 3819));
            try {
                surface.apply(
                        rig.adapter.session().orElseThrow().fixTargets().get(comp),
                        0,
                        surface.strips(2000).get("Gtr"));
            } finally {
                surface.close();
            }
        } finally {
            channel.shutdownNow();
        }
        // Ardour shows the new makeup, the sidecar mirrors it (a GainChanged delta), and the warning clears
        awaitMakeup(comp, 0, "the makeup at 0 dB in the sidecar's graph");
        rig.views.await(
                "the mismatch cleared",
                30_000,
                view -> warning(view, "PLUGIN_GAIN_MISMATCH", comp).isEmpty());
        assertTrue(rig.views.events().stream()
                .anyMatch(e -> e.warning().getId().equals(id)
                        && e.warning().getState() == WarningState.WARNING_STATE_CLEARED));
    }

    @Test
    @Order(6)
    void latencyFromAStepInArdoursOutputToTheWarning() throws Exception {
        // After the fix the compressor passes a -14 dBFS tone at unity. A +16 dB makeup step (through Ardour's
        // OSC surface, as a user's knob turn) makes its output +2 dBFS: PLUGIN_OUTPUT_HOT.
        String comp = stageOf("Gtr", "ACE Compressor");
        rig.views.await(
                "the compressor at unity",
                30_000,
                view -> stage(view, comp)
                        .map(s -> s.getOutput().hasSamplePeakDbfs()
                                && s.getOutput().getSamplePeakDbfs() < -13)
                        .orElse(false));
        int before = rig.views.events().size();
        ArdourSurface surface = new ArdourSurface(new InetSocketAddress("127.0.0.1", 3819));
        long sent;
        try {
            Integer ssid = surface.strips(2000).get("Gtr");
            FixTarget.PluginOutput target = (FixTarget.PluginOutput)
                    rig.adapter.session().orElseThrow().fixTargets().get(comp);
            sent = System.nanoTime();
            surface.apply(target, 16, ssid);
        } finally {
            surface.close();
        }
        rig.views.await(
                "PLUGIN_OUTPUT_HOT on the compressor",
                15_000,
                view -> warning(view, "PLUGIN_OUTPUT_HOT", comp).isPresent());
        long raised = rig.views.raisedNanos("PLUGIN_OUTPUT_HOT@" + comp, before);
        double ms = (raised - sent) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "latency: OSC makeup step to PLUGIN_OUTPUT_HOT at the panel: %.0f ms "
                        + "(of which 300 ms is the rule's raise hysteresis)%n",
                ms);
        assertTrue(ms < 10_000, "the warning took " + ms + " ms"); // a bound on a path that works, not a speed target
    }

    @Test
    @Order(7)
    void faderAndTrimChangesThroughOscReachTheSidecarAsGainDeltas() throws Exception {
        String fader = vox("Fader");
        String trim = vox("Trim");
        long snapshots = rig.adapter.snapshotsSent();
        ArdourSurface surface = new ArdourSurface(new InetSocketAddress("127.0.0.1", 3819));
        try {
            int ssid = surface.strips(2000).get("Vox");
            ArdourSession s = rig.adapter.session().orElseThrow();
            surface.apply(s.fixTargets().get(fader), -13.5, ssid);
            surface.apply(s.fixTargets().get(trim), 2.5, ssid);
            rig.views.await(
                    "Vox's fader at -13.5 dB and trim at +2.5 dB, and the levels following",
                    30_000,
                    view -> gain(fader) != null
                            && Math.abs(gain(fader) - -13.5) < 0.05
                            && gain(trim) != null
                            && Math.abs(gain(trim) - 2.5) < 0.05
                            && stage(view, fader)
                                    .map(st -> Math.abs(st.getInput().getSamplePeakDbfs() - 5.5) < 0.1
                                            && Math.abs(st.getOutput().getSamplePeakDbfs() - -8.0) < 0.1)
                                    .orElse(false)
                            && stage(view, source("Vox"))
                                    .map(st -> Math.abs(st.getOutput().getSamplePeakDbfs() - -12) < 0.1)
                                    .orElse(false));
            assertEquals(snapshots, rig.adapter.snapshotsSent(), "gain changes go as deltas");
            surface.apply(s.fixTargets().get(fader), -10, ssid);
            surface.apply(s.fixTargets().get(trim), 0, ssid);
        } finally {
            surface.close();
        }
    }

    private void awaitMakeup(String comp, double db, String what) throws InterruptedException {
        rig.views.await(
                what,
                30_000,
                view -> rig.adapter.session().orElseThrow().strips().stream()
                        .flatMap(x -> x.getStagesList().stream())
                        .anyMatch(x -> x.getId().equals(comp) && Math.abs(x.getGainDb() - db) < 0.05));
    }

    /** The gain of a stage in the adapter's current graph. */
    private Double gain(String stageId) {
        return rig.adapter.session().orElseThrow().strips().stream()
                .flatMap(x -> x.getStagesList().stream())
                .filter(x -> x.getId().equals(stageId) && x.hasGainDb())
                .map(x -> x.getGainDb())
                .findFirst()
                .orElse(null);
    }

    @Test
    @Order(8)
    void addingATrackAndDeactivatingAPluginWhileRollingArriveAsDeltas() throws Exception {
        long snapshots = rig.adapter.snapshotsSent();
        try {
            addTrackAndDeactivate();
        } catch (IOException e) {
            // Ardour 7.3 on JACK2 1.9.21 can lose its audio engine when a track's ports appear while it rolls
            // (README, "Good to know"): every tap falls silent and its Lua loop stops. That is Ardour's failure,
            // not the adapter's: start Ardour again and repeat the step once. Anything else fails the test.
            if (!ardourFellSilent()) {
                throw e;
            }
            System.out.println("Ardour's audio stopped while adding a track (" + e.getMessage()
                    + "); starting Ardour again and repeating the step");
            rig.stopHost();
            rig.startHost(rig.session);
            rolling();
            snapshots = rig.adapter.snapshotsSent();
            addTrackAndDeactivate();
        }
        String comp = stageOf("Gtr", "ACE Compressor");
        SessionView v = rig.views.await(
                "the new track and the compressor off",
                10_000,
                view -> ViewWatcher.row(view, "Added").isPresent()
                        && stage(view, comp).map(s -> !s.getActive()).orElse(false));
        OverviewRow added = ViewWatcher.row(v, "Added").orElseThrow();
        assertEquals(
                List.of("SOURCE", "TRIM", "FADER", "OUTPUT"),
                added.getStagesList().stream()
                        .map(s -> s.getKind().name().replace("STAGE_KIND_", ""))
                        .toList());
        assertEquals(snapshots, rig.adapter.snapshotsSent(), "changes go as deltas, not as a new snapshot");
        rig.host.run("reactivate", "Session:route_by_name (\"Gtr\"):nth_plugin (0):activate ()", 10_000);
        rig.views.await(
                "the compressor on again",
                10_000,
                view -> stage(view, comp).map(StageView::getActive).orElse(false));
    }

    private void addTrackAndDeactivate() throws IOException, InterruptedException {
        // Ardour 9 crashes on a nil route group and wants an empty one; 7 and 8 cannot make one in Lua
        rig.host.run("add-track", """
                local ok, group = pcall (function () return ARDOUR.RouteGroup () end)
                if not ok then group = nil end
                local tl = Session:new_audio_track (1, 2, group, 1, "Added", ARDOUR.PresentationInfo.max_order,
                    ARDOUR.TrackMode.Normal, true)
                assert (tl:size () == 1)
                """, 10_000);
        rig.host.run("deactivate", """
                local p = Session:route_by_name ("Gtr"):nth_plugin (0)
                p:deactivate ()
                """, 10_000);
    }

    /** No track's source shows signal any more, for 3 s on end. */
    private boolean ardourFellSilent() throws InterruptedException {
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            SessionView v = rig.views.latest();
            if (v == null
                    || List.of("Vox", "Gtr", "Keys").stream()
                            .anyMatch(t -> stage(v, source(t))
                                    .map(s -> s.getOutput().getHasSignal())
                                    .orElse(false))) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    @Order(9)
    void theViewIsWholeAgainAfterTheSidecarRestartsMidRoll() throws Exception {
        rolling();
        int port = rig.sidecarPort;
        rig.stopSidecar();
        Thread.sleep(1500);
        rig.startSidecar(port);
        SessionView v = rolling();
        assertTrue(v.getAdapterConnected());
        assertEquals(6, v.getRowsCount(), "the five demo strips and the added track: " + ViewWatcher.describe(v));
        rig.views.await(
                "the amplifier's warning back",
                20_000,
                view -> warning(view, "PLUGIN_OUTPUT_HOT", vox("ACE Amplifier")).isPresent());
    }

    @Test
    @Order(10)
    void theJackServerRestartingUnderArdour() throws Exception {
        rolling();
        // Ardour and JACK both go (the user restarts their audio setup; or JACK dies as Ardour quits, which CI saw
        // on Ardour 8.12 and 9.8): the adapter's JACK client must notice, and taps flow again once both are back.
        rig.stopHost();
        rig.jack().restart();
        rig.startHost(rig.session);
        SessionView v = rolling();
        assertTrue(v.getAdapterConnected());
    }

    @Test
    @Order(11)
    void ardourRestartingAndAnotherSessionOpening() throws Exception {
        rig.stopHost();
        // the same session again: same ids, the adapter rewires its taps
        rig.startHost(rig.session);
        SessionView v = rolling();
        assertEquals(5, v.getRowsCount(), "the unsaved added track is gone: " + ViewWatcher.describe(v));
        // another session: a new attach, under its own key
        rig.stopHost();
        Path other = rig.copyOfSession("other");
        rig.startHost(other);
        v = rig.views.await(
                "the other session attached",
                60_000,
                view -> view.getSessionKey().equals("ardour:" + other.getParent())
                        && view.getRowsCount() == 5
                        && stage(view, source("Vox"))
                                .map(s -> s.getOutput().getHasSignal())
                                .orElse(false));
        assertTrue(v.getAdapterConnected());
        rig.stopHost();
    }

    @Test
    @Order(12)
    void aSessionSavedWithItsTapsIsReloadedWithoutDuplicatesOrGhostSends() throws Exception {
        Path saved = rig.copyOfSession("saved");
        rig.startHost(saved);
        rig.views.await(
                "the copy attached",
                60_000,
                view -> view.getSessionKey().equals("ardour:" + saved.getParent())
                        && stage(view, source("Vox"))
                                .map(s -> s.getOutput().getHasSignal())
                                .orElse(false));
        Path count = rig.dir.resolve("sends.txt");
        String countSends = """
                local n = 0
                for r in Session:get_routes ():iter () do
                    local i = 0
                    while not r:nth_processor (i):isnil () do
                        local p = r:nth_processor (i)
                        if not p:to_send ():isnil () and p:to_internalsend ():isnil () then n = n + 1 end
                        i = i + 1
                    end
                end
                local f = io.open ("%s", "w"); f:write (n); f:close ()
                """.formatted(count);
        rig.host.run("count1", countSends, 10_000);
        int taps = Integer.parseInt(Files.readString(count).trim());
        assertTrue(taps > 0);
        rig.host.run("save", "Session:save_state (\"\", false, false, false, false, false)", 20_000);
        rig.stopHost();
        String xml = Files.readString(saved);
        assertEquals(taps, xml.split("type=\"send\"", -1).length - 1, "the saved file holds the taps");

        rig.startHost(saved);
        SessionView v = rolling();
        rig.views.await(
                "the copy attached again", 60_000, view -> view.getSessionKey().equals("ardour:" + saved.getParent()));
        Thread.sleep(1000); // a few bridge ticks: time to add a duplicate, were it to
        rig.host.run("count2", countSends, 10_000);
        assertEquals(taps, Integer.parseInt(Files.readString(count).trim()), "taps after reloading the saved session");
        assertTrue(
                v.getRowsList().stream()
                        .flatMap(r -> r.getStagesList().stream())
                        .noneMatch(st -> st.getKind() == StageKind.STAGE_KIND_SEND),
                "saved taps shown as the user's sends");
        rig.stopHost();
    }
}
