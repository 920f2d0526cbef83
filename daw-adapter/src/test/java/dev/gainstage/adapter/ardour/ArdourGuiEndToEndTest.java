package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;
import static dev.gainstage.adapter.ardour.testing.ViewWatcher.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import dev.gainstage.adapter.ardour.testing.ArdourGui;
import dev.gainstage.adapter.ardour.testing.ArdourLogOnFailure;
import dev.gainstage.adapter.ardour.testing.SignalProbe;
import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter against Ardour's GUI (under a private Xvfb, on a private JACK server) with the gainstage bridge
 * running as an action hook, driven by Ardour's signals and its deci-second timer: the snapshot, the warnings
 * while the transport loops, and a change made in Ardour (a plugin switched off through its OSC surface, as a
 * click would) reaching the sidecar as a delta. Skipped, with the reason, where Ardour or JACK is not installed.
 */
@Tag("ardour")
@Tag("ardour-gui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ArdourGuiEndToEndTest {
    private static final InetSocketAddress OSC = new InetSocketAddress("127.0.0.1", 3819);
    private ArdourRig rig;
    private OscSocket osc;

    @RegisterExtension
    final ArdourLogOnFailure ardourLog = new ArdourLogOnFailure(() -> rig == null ? null : rig.gui);

    @BeforeAll
    void start() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        ArdourGui.ardourOrSkip();
        rig = ArdourRig.startGui(Files.createTempDirectory("gainstage-ardour-gui-test"));
        System.out.printf(
                Locale.ROOT,
                "Ardour GUI: Ardour %s started and ready (editor window mapped, engine on JACK)"
                        + " in %d ms (start %d)%n",
                rig.gui.version(),
                rig.gui.startupMillis(),
                rig.gui.attempts());
        osc = new OscSocket(0, "test-osc", m -> {});
    }

    @AfterAll
    void stop() throws Exception {
        if (osc != null) {
            osc.close();
        }
        if (rig != null) {
            rig.close();
            TestDirs.removeUnlessKept(rig.dir);
        }
    }

    private String stageOf(SessionView v, String route, String name) {
        return ViewWatcher.row(v, route)
                .orElseThrow(() -> new AssertionError("no row " + route))
                .getStagesList()
                .stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(route + " has no stage " + name))
                .getStageId();
    }

    @Test
    @Order(1)
    void theBridgeRunsAsAGuiHookAndTheSnapshotArrives() throws Exception {
        long t0 = System.nanoTime();
        SessionView v = rig.views.await(
                "the demo session's five strips from the GUI's bridge",
                60_000,
                view -> view.getAdapterConnected()
                        && view.getRowsCount() == 5
                        && ViewWatcher.row(view, "Vox").isPresent()
                        && ViewWatcher.row(view, "Gtr").isPresent());
        System.out.printf(
                Locale.ROOT,
                "Ardour GUI: snapshot at the sidecar %d ms after the adapter started%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertEquals("ardour:" + rig.session.getParent(), v.getSessionKey());
        assertEquals(
                List.of("Gtr", "Keys", "Master", "Music", "Vox"),
                v.getRowsList().stream().map(r -> r.getName()).sorted().toList());
        assertEquals(
                List.of("SOURCE", "TRIM", "PLUGIN", "FADER", "OUTPUT"),
                ViewWatcher.row(v, "Vox").orElseThrow().getStagesList().stream()
                        .map(s -> s.getKind().name().replace("STAGE_KIND_", ""))
                        .toList());
        StageView comp = stage(v, stageOf(v, "Gtr", "ACE Compressor")).orElseThrow();
        assertEquals(StageKind.STAGE_KIND_PLUGIN, comp.getKind());
        assertTrue(comp.getActive());
        // the taps the bridge placed from the GUI are JACK ports of Ardour's
        rig.views.await(
                "the adapter wired to the GUI's tap sends", 30_000, view -> rig.adapter.connectedTapChannels() > 0);
        assertTrue(rig.gui.alive(), "Ardour's GUI is running");
        assertFalse(rig.gui.engineHalted(), "Ardour's engine halted");
    }

    @Test
    @Order(2)
    void rollingTheGuiRaisesTheHotPluginWarnings() throws Exception {
        // loop the 12 s of tones: the loop range and loop-play through Ardour's OSC surface (as the GUI's buttons)
        osc.send(OSC, OscMessage.of("/loop_location", 0, 12 * 48_000));
        osc.send(OSC, OscMessage.of("/loop_toggle"));
        SessionView v = rig.views.await(
                "PLUGIN_OUTPUT_HOT on the amplifier and PLUGIN_GAIN_MISMATCH on the compressor",
                60_000,
                view -> view.getRowsCount() == 5
                        && warning(view, "PLUGIN_OUTPUT_HOT", stageOf(view, "Vox", "ACE Amplifier"))
                                .isPresent()
                        && warning(view, "PLUGIN_GAIN_MISMATCH", stageOf(view, "Gtr", "ACE Compressor"))
                                .isPresent());
        String amp = stageOf(v, "Vox", "ACE Amplifier");
        assertEquals(
                3.0,
                stage(v, amp).orElseThrow().getOutput().getSamplePeakDbfs(),
                0.5,
                "the amplifier's output: -12 dBFS + 15 dB");
        assertEquals(
                6.0,
                warning(v, "PLUGIN_GAIN_MISMATCH", stageOf(v, "Gtr", "ACE Compressor"))
                        .orElseThrow()
                        .getMeasured(),
                0.5,
                "the compressor's makeup");
    }

    @Test
    @Order(3)
    void aPluginSwitchedOffInArdourReachesTheSidecarAsADelta() throws Exception {
        SessionView v = rig.views.await(
                "the compressor on",
                30_000,
                view -> ViewWatcher.row(view, "Gtr").isPresent());
        String comp = stageOf(v, "Gtr", "ACE Compressor");
        long snapshots = rig.adapter.snapshotsSent();
        int ssid;
        try (ArdourSurface surface = new ArdourSurface(OSC)) {
            ssid = surface.strips(5000).get("Gtr");
        }
        int plugin = ((FixTarget.PluginOutput)
                        rig.adapter.session().orElseThrow().fixTargets().get(comp))
                .pluginNumber();
        long sent = System.nanoTime();
        osc.send(OSC, OscMessage.of("/strip/plugin/deactivate", ssid, plugin));
        rig.views.await(
                "the compressor off in the sidecar's view",
                10_000,
                view -> stage(view, comp).map(s -> !s.getActive()).orElse(false));
        System.out.printf(
                Locale.ROOT,
                "Ardour GUI: plugin switched off -> shown off at the sidecar in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        assertEquals(snapshots, rig.adapter.snapshotsSent(), "the change went as a delta, not as a new snapshot");
        osc.send(OSC, OscMessage.of("/strip/plugin/activate", ssid, plugin));
        rig.views.await(
                "the compressor on again",
                10_000,
                view -> stage(view, comp).map(StageView::getActive).orElse(false));
        assertEquals(snapshots, rig.adapter.snapshotsSent(), "the change went as a delta, not as a new snapshot");
        assertTrue(rig.gui.alive(), "Ardour's GUI is running");
    }

    /**
     * The probe hooks, saved with the bridge's signals as each known release numbers them, report from inside
     * Ardour how this Ardour numbers every LuaSignal and which signals each probe's callback got: the numbers must
     * be {@link LuaSignals}' for this version, and each probe must get the timers and SetSession exactly when
     * {@link LuaSignals#read} says this Ardour subscribes it to them (the doctor's stale-hook check rests on it).
     */
    @Test
    @Order(4)
    void eachReleasesSavedSignalsSubscribeAHookToWhatLuaSignalsPredicts() throws Exception {
        LuaSignals here = rig.gui.numbering();
        List<String> timers = List.of("LuaTimerS", "LuaTimerDS", "SetSession");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (SignalProbe probe : rig.probes) {
            Set<String> predicted = here.read(probe.signals()).orElseThrow();
            SignalProbe.Report r = probe.read();
            // LuaTimerS ticks once a second: wait until every timer the probe should get has come
            while (System.nanoTime() < deadline
                    && !firedNames(here, r)
                            .containsAll(
                                    timers.stream().filter(predicted::contains).toList())) {
                Thread.sleep(200);
                r = probe.read();
            }
            assertEquals(here.count(), r.count(), "LuaSignal.Set():size() in Ardour " + rig.gui.version());
            Map<String, Integer> expected = new TreeMap<>();
            here.names().forEach(n -> expected.put(n, here.number(n)));
            assertEquals(expected, new TreeMap<>(r.numbers()), "LuaSignal numbers in Ardour " + rig.gui.version());
            Set<String> fired = firedNames(here, r);
            System.out.printf(
                    Locale.ROOT,
                    "Ardour GUI: Ardour %s, a hook saved as %s saves the bridge's signals: "
                            + "subscribed to %s; fired %s%n",
                    rig.gui.version(),
                    probe.hookName(),
                    predicted,
                    fired);
            assertTrue(predicted.containsAll(fired), "fired " + fired + ", predicted only " + predicted);
            for (String timer : timers) {
                assertEquals(
                        predicted.contains(timer),
                        fired.contains(timer),
                        timer + " for " + probe.hookName() + " (predicted " + predicted + ", fired " + fired + ")");
            }
        }
    }

    /**
     * Once Ardour dropped the failing hook it saved every other one again: the bridge's signals as this Ardour
     * saves them are the bit string the fixture wrote ({@link LuaSignals#bits}), and each probe's are what
     * {@link LuaSignals#read} says it subscribed to, in this Ardour's length.
     */
    @Test
    @Order(5)
    void ardourSavesTheHooksSignalsAsLuaSignalsWritesThem() throws Exception {
        LuaSignals here = rig.gui.numbering();
        Path uiScripts = rig.gui.configFolder().resolve("ui_scripts");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, String> saved = SignalProbe.savedHooks(uiScripts);
        while (saved.containsKey(SignalProbe.DROPPER) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            saved = SignalProbe.savedHooks(uiScripts);
        }
        assertFalse(saved.containsKey(SignalProbe.DROPPER), "Ardour did not drop the failing hook: " + saved.keySet());
        System.out.printf(Locale.ROOT, "Ardour GUI: Ardour %s saved its hooks again: %s%n", rig.gui.version(), saved);
        assertEquals(here.bits(LuaSignals.BRIDGE), saved.get(BridgeHook.NAME));
        for (SignalProbe probe : rig.probes) {
            assertEquals(
                    here.bits(here.read(probe.signals()).orElseThrow()), saved.get(probe.hookName()), probe.hookName());
        }
    }

    private static Set<String> firedNames(LuaSignals numbering, SignalProbe.Report r) {
        return r.fired().stream()
                .map(i -> i < numbering.count() ? numbering.names().get(i) : "#" + i)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
