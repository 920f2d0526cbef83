package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.SimSessions;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.panel.timeline.TimelineModel;
import dev.gainstage.panel.timeline.TimelinePanel;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        RealParts.require(!GraphicsEnvironment.isHeadless(), "no display: run through scripts/test, which starts Xvfb");
        SidecarServer server = Guice.createInjector(
                        new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
        server.start();
        SidecarAddress address = new SidecarAddress("127.0.0.1", server.port());
        SimSessionRenderer renderer = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
        renderer.seek(100L * renderer.sampleRate());
        SimAdapter adapter = new SimAdapter(renderer, "sim:demo", "gainstage demo", SimAdapter.Speed.REALTIME, address);
        Thread sim = Thread.ofPlatform().name("sim").start(() -> {
            try {
                adapter.run(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Injector injector = Guice.createInjector(new PanelModule(address));
        PanelController controller = injector.getInstance(PanelController.class);
        PanelModel model = injector.getInstance(PanelModel.class);
        AtomicReference<PanelFrame> frame = new AtomicReference<>();
        try {
            controller.start();
            SwingUtilities.invokeAndWait(() -> {
                com.formdev.flatlaf.FlatDarkLaf.setup();
                PanelFrame f = new PanelFrame(model, controller.actions());
                f.setSize(820, 900);
                f.setLocation(0, 0);
                f.setVisible(true);
                f.tabs().setSelectedIndex(3);
                frame.set(f);
            });
            TimelinePanel timeline = frame.get().timeline();
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
            shot(frame.get(), "timeline");
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
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                if (frame.get() != null) {
                    frame.get().dispose();
                }
            });
            controller.close();
            adapter.close();
            sim.join(TimeUnit.SECONDS.toMillis(10));
            server.stop();
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
