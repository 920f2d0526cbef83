package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.client.SidecarAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.JLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel's connection states, in a real window against a real sidecar and the sim adapter as a separate process:
 * sidecar up with no DAW, DAW attached, DAW gone within 2 s of the sim's SIGKILL (levels frozen and greyed, with the
 * time since), sidecar gone.
 */
class ConnectionStatesUiTest {
    @TempDir
    Path work;

    @Test
    void killingTheSimShowsDawGoneWithinTwoSeconds() throws Exception {
        Process sim = null;
        try (DemoPanelRig rig =
                DemoPanelRig.start(SimSidecarRig.on(work.resolve("store")).withoutSim())) {
            SidecarAddress address = rig.address;
            PanelModel model = rig.model;
            PanelFrame frame = rig.frame;
            awaitStatus(frame, s -> s.contains("no DAW session yet"), 10);

            sim = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.gainstage.adapter.Main",
                            "sim",
                            "--demo",
                            "--sidecar",
                            address.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("sim.log").toFile())
                    .start();
            awaitStatus(frame, s -> s.contains("DAW attached"), 30);
            long playing = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (PanelUiTest.onEdt(() -> model.view().getAudioTimeSeconds()) < 2 && System.nanoTime() < playing) {
                Thread.sleep(100);
            }
            assertEquals(false, PanelUiTest.onEdt(() -> frame.overview().frozen()), "live levels are not greyed");

            sim.destroyForcibly(); // SIGKILL
            long killed = System.nanoTime();
            awaitStatus(frame, s -> s.contains("DAW gone"), 5);
            double seconds = (System.nanoTime() - killed) / 1e9;
            assertTrue(
                    seconds < 4,
                    "\"DAW gone\" after " + seconds + " s"); // at once by design; slack for a loaded machine
            assertTrue(PanelUiTest.onEdt(() -> frame.overview().frozen()), "the frozen levels are greyed");
            assertFalse(
                    PanelUiTest.onEdt(() -> PanelUiTest.find(frame.getRootPane(), "master.integrated")
                            .isEnabled()),
                    "and so are the master's");
            assertEquals("gainstage: DAW gone", PanelUiTest.onEdt(() -> frame.getTitle()));
            String later = awaitStatus(frame, s -> s.matches(".*DAW gone 0:0[2-9] ago.*"), 5);
            assertTrue(later.contains("levels frozen"), later);

            rig.server.stop();
            awaitStatus(frame, s -> s.contains("sidecar gone"), 10);
            assertTrue(PanelUiTest.onEdt(() -> frame.overview().frozen()));
        } finally {
            if (sim != null) {
                sim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until the status bar's connection line matches; returns it. */
    private static String awaitStatus(PanelFrame frame, Predicate<String> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = PanelUiTest.onEdt(() -> ((JLabel) PanelUiTest.find(frame.getContentPane(), "connection")).getText());
            if (done.test(text)) {
                return text;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("status bar not as expected within " + seconds + " s: " + text);
    }
}
