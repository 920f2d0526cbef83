package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.panel.timeline.TimelineModel;
import dev.gainstage.panel.timeline.TimelinePanel;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real panel in a real window (Xvfb in CI), a real sidecar on loopback and the sim playing the
 * demo from 100 s on its timeline: a click on a warning's bar in the Timeline tab moves the sim's
 * playhead to just before the warning was raised. Saves a screenshot of the tab to target/screenshots.
 */
class TimelineUiTest {
    @TempDir
    Path store;

    @Test
    void clickingAWarningOnTheTimelineMovesTheSimsPlayheadThere() throws Exception {
        try (DemoPanelRig rig = DemoPanelRig.start(SimSidecarRig.on(store).from(100))) {
            SimSessionRenderer renderer = rig.renderer;
            PanelModel model = rig.model;
            PanelFrame frame = rig.frame;
            PanelUiTest.onEdt(() -> {
                frame.tabs().setSelectedIndex(3);
                return null;
            });
            TimelinePanel timeline = frame.timeline();
            await(
                    "a warning on the timeline, and 4 s played",
                    () -> PanelUiTest.onEdt(() -> !timeline.model().entries().isEmpty()
                            && timeline.model().nowSeconds() > 104));
            Thread.sleep(300); // painted
            TimelineModel.Entry entry =
                    PanelUiTest.onEdt(() -> timeline.model().entries().getFirst());
            double target = entry.locateSeconds();
            assertTrue(target >= 99, "the warning was raised after the playhead started at 100 s: " + entry);
            Point click = PanelUiTest.onEdt(() -> {
                Rectangle bar = timeline.bounds(entry);
                Point p = new Point(bar.x + 2, bar.y + bar.height / 2);
                SwingUtilities.convertPointToScreen(p, timeline);
                return p;
            });
            shot(frame, "timeline");
            Robot robot = new Robot();
            robot.mouseMove(click.x, click.y);
            robot.delay(100);
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);

            await("the sim's playhead moved to " + target + " s", () -> {
                double at = renderer.playhead() / (double) renderer.sampleRate();
                return at >= target && at < target + 2;
            });
            await(
                    "the status line says where it moved",
                    () -> PanelUiTest.onEdt(() -> model.message().startsWith("Moved to ")));
            String message = PanelUiTest.onEdt(model::message);
            assertTrue(message.contains(entry.label()), message);
        }
    }

    private static void shot(PanelFrame frame, String name) throws Exception {
        BufferedImage image = PanelUiTest.onEdt(() -> {
            BufferedImage i = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = i.createGraphics();
            frame.paint(g);
            g.dispose();
            return i;
        });
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        ImageIO.write(image, "png", shots.resolve(name + ".png").toFile());
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
