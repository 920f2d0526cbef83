package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import dev.gainstage.adapter.ardour.testing.ArdourGui;
import dev.gainstage.adapter.ardour.testing.ArdourLogOnFailure;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.adapter.ardour.testing.TestDirs;
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

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static dev.gainstage.adapter.ardour.ViewWatcher.stage;
import static dev.gainstage.adapter.ardour.ViewWatcher.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        System.out.printf(Locale.ROOT, "Ardour GUI: started and ready (editor window mapped, engine on JACK) in %d ms"
                + " (start %d)%n", rig.gui.startupMillis(), rig.gui.attempts());
        osc = new OscSocket(0, "test-osc", m -> { });
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
        return ViewWatcher.row(v, route).orElseThrow(() -> new AssertionError("no row " + route)).getStagesList()
                .stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(route + " has no stage " + name)).getStageId();
    }

    @Test
    @Order(1)
    void theBridgeRunsAsAGuiHookAndTheSnapshotArrives() throws Exception {
        long t0 = System.nanoTime();
        SessionView v = rig.views.await("the demo session's five strips from the GUI's bridge", 60_000,
                view -> view.getAdapterConnected() && view.getRowsCount() == 5
                        && ViewWatcher.row(view, "Vox").isPresent() && ViewWatcher.row(view, "Gtr").isPresent());
        System.out.printf(Locale.ROOT, "Ardour GUI: snapshot at the sidecar %d ms after the adapter started%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertEquals("ardour:" + rig.session.getParent(), v.getSessionKey());
        assertEquals(List.of("Gtr", "Keys", "Master", "Music", "Vox"),
                v.getRowsList().stream().map(r -> r.getName()).sorted().toList());
        assertEquals(List.of("SOURCE", "TRIM", "PLUGIN", "FADER", "OUTPUT"), ViewWatcher.row(v, "Vox").orElseThrow()
                .getStagesList().stream().map(s -> s.getKind().name().replace("STAGE_KIND_", "")).toList());
        StageView comp = stage(v, stageOf(v, "Gtr", "ACE Compressor")).orElseThrow();
        assertEquals(StageKind.STAGE_KIND_PLUGIN, comp.getKind());
        assertTrue(comp.getActive());
        // the taps the bridge placed from the GUI are JACK ports of Ardour's
        rig.views.await("the adapter wired to the GUI's tap sends", 30_000,
                view -> rig.adapter.connectedTapChannels() > 0);
        assertTrue(rig.gui.alive(), "Ardour's GUI is running");
        assertFalse(rig.gui.engineHalted(), "Ardour's engine halted");
    }

    @Test
    @Order(2)
    void rollingTheGuiRaisesTheHotPluginWarnings() throws Exception {
        // loop the 12 s of tones: the loop range and loop-play through Ardour's OSC surface (as the GUI's buttons)
        osc.send(OSC, OscMessage.of("/loop_location", 0, 12 * 48_000));
        osc.send(OSC, OscMessage.of("/loop_toggle"));
        SessionView v = rig.views.await("PLUGIN_OUTPUT_HOT on the amplifier and PLUGIN_GAIN_MISMATCH on the compressor",
                60_000, view -> view.getRowsCount() == 5
                        && warning(view, "PLUGIN_OUTPUT_HOT", stageOf(view, "Vox", "ACE Amplifier")).isPresent()
                        && warning(view, "PLUGIN_GAIN_MISMATCH", stageOf(view, "Gtr", "ACE Compressor")).isPresent());
        String amp = stageOf(v, "Vox", "ACE Amplifier");
        assertEquals(3.0, stage(v, amp).orElseThrow().getOutput().getSamplePeakDbfs(), 0.5,
                "the amplifier's output: -12 dBFS + 15 dB");
        assertEquals(6.0, warning(v, "PLUGIN_GAIN_MISMATCH", stageOf(v, "Gtr", "ACE Compressor")).orElseThrow()
                .getMeasured(), 0.5, "the compressor's makeup");
    }

    @Test
    @Order(3)
    void aPluginSwitchedOffInArdourReachesTheSidecarAsADelta() throws Exception {
        SessionView v = rig.views.await("the compressor on", 30_000, view -> ViewWatcher.row(view, "Gtr").isPresent());
        String comp = stageOf(v, "Gtr", "ACE Compressor");
        long snapshots = rig.adapter.snapshotsSent();
        int ssid;
        try (ArdourSurface surface = new ArdourSurface(OSC)) {
            ssid = surface.strips(5000).get("Gtr");
        }
        int plugin = ((FixTarget.PluginOutput) rig.adapter.session().orElseThrow().fixTargets().get(comp)).pluginNumber();
        long sent = System.nanoTime();
        osc.send(OSC, OscMessage.of("/strip/plugin/deactivate", ssid, plugin));
        rig.views.await("the compressor off in the sidecar's view", 10_000,
                view -> stage(view, comp).map(s -> !s.getActive()).orElse(false));
        System.out.printf(Locale.ROOT, "Ardour GUI: plugin switched off -> shown off at the sidecar in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        assertEquals(snapshots, rig.adapter.snapshotsSent(), "the change went as a delta, not as a new snapshot");
        osc.send(OSC, OscMessage.of("/strip/plugin/activate", ssid, plugin));
        rig.views.await("the compressor on again", 10_000, view -> stage(view, comp).map(StageView::getActive)
                .orElse(false));
        assertEquals(snapshots, rig.adapter.snapshotsSent(), "the change went as a delta, not as a new snapshot");
        assertTrue(rig.gui.alive(), "Ardour's GUI is running");
    }
}
