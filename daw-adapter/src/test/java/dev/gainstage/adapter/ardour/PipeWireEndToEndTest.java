package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;
import static dev.gainstage.adapter.ardour.testing.ViewWatcher.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.jack.LoadedLibjack;
import dev.gainstage.adapter.ardour.jack.TapBudget;
import dev.gainstage.adapter.ardour.testing.PipeWireServer;
import dev.gainstage.adapter.ardour.testing.Processes;
import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.WarningState;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Ardour 8's JACK backend ("JACK/Pipewire") and the adapter's JACK client on PipeWire's JACK, the way most users
 * run Ardour: a headless PipeWire ({@link PipeWireServer}), Ardour's session tool and this JVM both loading
 * PipeWire's libjack (through pw-jack), the demo session rolling, and PipeWire's quantum changed while it rolls.
 * Tagged "pipewire": it runs where PipeWire does, through scripts/pipewire-e2e (in the Debian trixie chroot),
 * together with {@link ArdourEndToEndTest} on the same kind of server.
 */
@Tag("pipewire")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipeWireEndToEndTest {
    private ArdourRig rig;
    private PipeWireServer pipewire;
    private DemoSessionFile demo;

    @BeforeAll
    void start() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        Path dir = Files.createTempDirectory("gainstage-pipewire-test");
        rig = ArdourRig.start(dir, PipeWireServer::start);
        pipewire = (PipeWireServer) rig.jack();
        demo = DemoSessionFile.read(rig.session);
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            if (pipewire != null) {
                pipewire.forceQuantum(0); // a failed quantum test leaves no forced quantum behind
            }
            rig.close();
            TestDirs.removeUnlessKept(rig.dir);
        }
    }

    @Test
    @Order(1)
    void pwJackToolsSeeEachOthersPortsAndArdoursOnPipeWire() throws Exception {
        Process metro = new ProcessBuilder("pw-jack", "jack_metro", "-b", "120", "-n", "gainstage-metro")
                .redirectErrorStream(true)
                .redirectOutput(rig.dir.resolve("metro.log").toFile())
                .start();
        try {
            List<String> ports = List.of();
            for (int i = 0; i < 100 && !ports.contains("gainstage-metro:120_bpm"); i++) {
                Thread.sleep(100);
                ports = Processes.run(new ProcessBuilder("pw-jack", "jack_lsp"), 10_000)
                        .lines()
                        .map(String::strip)
                        .toList();
            }
            assertTrue(ports.contains("gainstage-metro:120_bpm"), "pw-jack jack_lsp: " + ports);
            assertTrue(ports.stream().anyMatch(p -> p.endsWith("Master/audio_out 1")), "Ardour's master: " + ports);
        } finally {
            Processes.stop(metro, 5000);
        }
        demo.rolling(rig.views);
        // Ardour and this JVM are PipeWire's clients, through PipeWire's libjack
        List<String> clients = pipewire.clientBinaries();
        System.out.println("PipeWire's clients: " + clients);
        assertTrue(clients.contains("luasession"), "Ardour's session tool is a PipeWire client: " + clients);
        assertTrue(clients.contains("java"), "this JVM is a PipeWire client: " + clients);
        String ardourLibjack = mappedLibjack(rig.host.pid())
                .orElseThrow(() -> new AssertionError("Ardour (pid " + rig.host.pid() + ") has no libjack mapped"));
        System.out.println("Ardour's libjack: " + ardourLibjack);
        assertTrue(ardourLibjack.contains(PipeWireServer.LIBJACK_FOLDER), ardourLibjack);
        System.out.println("DAW: " + rig.adapter.dawName().orElseThrow() + " on PipeWire "
                + pipewire.settings().get("clock.quantum") + "-frame quantum at "
                + pipewire.settings().get("clock.rate")
                + " Hz");
    }

    @Test
    @Order(2)
    void theAdapterDetectsPipeWiresLibjackAndCapsItsTapsAtPipeWiresPortLimit() throws Exception {
        demo.rolling(rig.views);
        String libjack = LoadedLibjack.path().orElseThrow(() -> new AssertionError("no libjack mapped in this JVM"));
        System.out.println("the adapter's libjack: " + libjack);
        assertTrue(LoadedLibjack.isPipeWire(libjack), libjack);
        assertEquals(TapBudget.PIPEWIRE_DEFAULT_PORTS, rig.adapter.tapPortBudget());
        // PipeWire's own limit, measured: a client (in a JVM of its own) registers ports until PipeWire refuses one
        JackTapClient taps = rig.adapter.jack();
        long blocksDroppedBefore = rig.views.latest().getDroppedBlocks();
        long periodsDroppedBefore = taps.droppedPeriods();
        PortLimitProbe.Limit limit = PortLimitProbe.measure();
        System.out.printf(
                Locale.ROOT,
                "PipeWire took %d ports of one client, refused the next (%s), in %d ms%n",
                limit.registered(),
                limit.refusal(),
                limit.millis());
        assertEquals(TapBudget.PIPEWIRE_DEFAULT_PORTS, limit.registered(), "PipeWire's jack.max-client-ports");
        // the taps go on meanwhile (another client's ports are no business of theirs)
        long captured = taps.capturedPeriods();
        Thread.sleep(2000);
        System.out.printf(
                Locale.ROOT,
                "meanwhile: %d tap periods dropped by the adapter's client, %d tap blocks "
                        + "reported dropped to the sidecar; then %d periods captured in 2 s%n",
                taps.droppedPeriods() - periodsDroppedBefore,
                rig.views.latest().getDroppedBlocks() - blocksDroppedBefore,
                taps.capturedPeriods() - captured);
        assertTrue(taps.capturedPeriods() - captured > 300, "the taps go on after the port-limit probe");
    }

    /** One period size in a quantum run, measured at the adapter's JACK client over a window. */
    private record Window(int frames, double periodsPerSecond, double sentPerSecond, long dropped) {}

    private Window measure(long millis) throws InterruptedException {
        JackTapClient taps = rig.adapter.jack();
        long c0 = taps.capturedPeriods();
        long d0 = taps.droppedPeriods();
        long s0 = rig.adapter.periodsSent();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Window(
                taps.lastPeriodFrames(),
                (taps.capturedPeriods() - c0) / seconds,
                (rig.adapter.periodsSent() - s0) / seconds,
                taps.droppedPeriods() - d0);
    }

    @Test
    @Order(3)
    void theTapsFollowPipeWiresQuantumWhileArdourRolls() throws Exception {
        SessionView start = demo.rolling(rig.views);
        Map<String, Double> levels = demo.expectedLevels();
        rig.views.await("the taps at their stages' levels", 30_000, v -> DemoSessionFile.atLevels(v, levels, 0.1));
        String amp = demo.stageOf("Vox", "ACE Amplifier");
        rig.views.await(
                "the amplifier's PLUGIN_OUTPUT_HOT",
                30_000,
                v -> warning(v, "PLUGIN_OUTPUT_HOT", amp).isPresent());
        int eventsBefore = rig.views.events().size();
        JackTapClient taps = rig.adapter.jack();
        long xrunsBefore = taps.xruns();
        Window base = measure(3000);
        int baseline = base.frames();
        System.out.printf(
                Locale.ROOT,
                "quantum %d (PipeWire's own): %.1f periods/s captured, %.1f sent, %d dropped%n",
                baseline,
                base.periodsPerSecond(),
                base.sentPerSecond(),
                base.dropped());
        assertEquals(0, base.dropped(), "periods dropped before any change");

        for (int forced : new int[] {1024, 2048, 0}) {
            int expected = forced == 0 ? baseline : forced;
            long droppedBefore = taps.droppedPeriods();
            long t0 = System.nanoTime();
            pipewire.forceQuantum(forced);
            long commandMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
            while (taps.lastPeriodFrames() != expected && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long firstPeriodMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(
                    expected,
                    taps.lastPeriodFrames(),
                    "no " + expected + "-frame period within 10 s of " + "clock.force-quantum " + forced);
            while ((taps.bufferSize() != expected || plan().maxFrames() < expected) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long planMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(expected, taps.bufferSize(), "the buffer-size callback's period");
            assertTrue(plan().maxFrames() >= expected, "the plan holds " + plan().maxFrames() + " frames");
            Thread.sleep(500);
            long transitionDrops = taps.droppedPeriods() - droppedBefore;
            Window w = measure(3000);
            double wanted = 48000.0 / expected;
            System.out.printf(
                    Locale.ROOT,
                    "clock.force-quantum %d: pw-metadata %d ms; first %d-frame period at the "
                            + "taps after %d ms, the plan for it after %d ms; %d periods dropped in the change; then "
                            + "%.1f periods/s captured (%.1f expected), %.1f sent, %d dropped%n",
                    forced,
                    commandMs,
                    expected,
                    firstPeriodMs,
                    planMs,
                    transitionDrops,
                    w.periodsPerSecond(),
                    wanted,
                    w.sentPerSecond(),
                    w.dropped());
            assertEquals(expected, w.frames(), "the period after the change");
            assertEquals(0, w.dropped(), "periods dropped once the taps follow the new quantum");
            assertEquals(wanted, w.periodsPerSecond(), wanted * 0.1, "periods per second captured");
            assertEquals(wanted, w.sentPerSecond(), wanted * 0.1, "periods per second sent to the sidecar");
            SessionView v = rig.views.await(
                    "the taps at their stages' levels with a quantum of " + expected,
                    10_000,
                    view -> DemoSessionFile.atLevels(view, levels, 0.1));
            for (String route : List.of("Vox", "Gtr", "Keys")) {
                double ardour = demo.ardourMeter(rig, route);
                double tap = stage(v, demo.stageOf(route, "Fader"))
                        .orElseThrow()
                        .getOutput()
                        .getSamplePeakDbfs();
                assertEquals(ardour, tap, 0.1, route + ": tap vs Ardour's meter at a quantum of " + expected);
            }
        }
        assertTrue(rig.host.process().isAlive(), "Ardour is still running");
        assertTrue(
                rig.views.events().subList(eventsBefore, rig.views.events().size()).stream()
                        .noneMatch(e -> e.warning().getId().equals("PLUGIN_OUTPUT_HOT@" + amp)
                                && e.warning().getState() == WarningState.WARNING_STATE_CLEARED),
                "the amplifier's warning stayed raised through the quantum changes");
        System.out.printf(
                Locale.ROOT,
                "through the changes: %d JACK xruns, %d callback errors, %d dropped tap blocks "
                        + "reported to the sidecar (%d before)%n",
                taps.xruns() - xrunsBefore,
                taps.callbackErrors(),
                rig.views.latest().getDroppedBlocks(),
                start.getDroppedBlocks());
        assertEquals(0, taps.callbackErrors());
    }

    @Test
    @Order(4)
    void latencyFromAStepInArdoursOutputToTheWarningAtAQuantumOf2048() throws Exception {
        // The compressor's output is -8 dBFS (its +6 dB makeup); a +16 dB makeup makes it +2 dBFS: PLUGIN_OUTPUT_HOT.
        String comp = demo.stageOf("Gtr", "ACE Compressor");
        pipewire.forceQuantum(2048);
        rig.views.await(
                "the compressor at -8 dBFS with 2048-frame periods",
                30_000,
                view -> rig.adapter.jack().lastPeriodFrames() == 2048
                        && stage(view, comp)
                                .map(s -> s.getOutput().hasSamplePeakDbfs()
                                        && Math.abs(s.getOutput().getSamplePeakDbfs() + 8) < 0.1)
                                .orElse(false));
        Thread.sleep(1000);
        int before = rig.views.events().size();
        ArdourSurface surface = new ArdourSurface(new InetSocketAddress("127.0.0.1", 3819));
        long sent;
        FixTarget.PluginOutput target = (FixTarget.PluginOutput)
                rig.adapter.session().orElseThrow().fixTargets().get(comp);
        int ssid;
        try {
            ssid = surface.strips(2000).get("Gtr");
            sent = System.nanoTime();
            surface.apply(target, 16, ssid);
            rig.views.await(
                    "PLUGIN_OUTPUT_HOT on the compressor",
                    15_000,
                    view -> warning(view, "PLUGIN_OUTPUT_HOT", comp).isPresent());
            long raised = rig.views.raisedNanos("PLUGIN_OUTPUT_HOT@" + comp, before);
            double ms = (raised - sent) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "latency at a quantum of 2048: OSC makeup step to PLUGIN_OUTPUT_HOT at the "
                            + "panel: %.0f ms (of which 300 ms is the rule's raise hysteresis)%n",
                    ms);
            assertTrue(ms < 3000, "the warning took " + ms + " ms");
            surface.apply(target, 6, ssid);
        } finally {
            surface.close();
            pipewire.forceQuantum(0);
        }
    }

    private CapturePlan plan() {
        CapturePlan p = rig.adapter.jack().plan();
        if (p == null) {
            throw new AssertionError("the adapter's JACK client has no capture plan");
        }
        return p;
    }

    /** The libjack a process (or one of its children) has mapped, from /proc. */
    private static Optional<String> mappedLibjack(long pid) throws Exception {
        List<Long> pids = Stream.concat(
                        Stream.of(pid),
                        ProcessHandle.of(pid).stream()
                                .flatMap(ProcessHandle::descendants)
                                .map(ProcessHandle::pid))
                .toList();
        for (long p : pids) {
            Path maps = Path.of("/proc", Long.toString(p), "maps");
            if (!Files.exists(maps)) {
                continue;
            }
            Optional<String> lib = Files.readAllLines(maps).stream()
                    .filter(l -> l.contains("libjack.so") && l.indexOf('/') >= 0)
                    .map(l -> l.substring(l.indexOf('/')))
                    .findFirst();
            if (lib.isPresent()) {
                return lib;
            }
        }
        return Optional.empty();
    }
}
