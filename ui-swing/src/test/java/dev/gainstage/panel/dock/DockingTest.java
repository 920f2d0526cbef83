package dev.gainstage.panel.dock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.adapter.ardour.testing.RealParts;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class DockingTest {
    static final Rectangle SCREEN = new Rectangle(0, 0, 1600, 1200);

    @Test
    void thePanelGoesRightOfTheDawOrLeftWhenTheRightHasNoRoom() {
        assertEquals(
                new Rectangle(900, 50, 400, 700), DockPlacement.beside(new Rectangle(100, 50, 800, 700), 400, SCREEN));
        assertEquals(
                new Rectangle(600, 0, 400, 1000), DockPlacement.beside(new Rectangle(1000, 0, 600, 1000), 400, SCREEN));
        // No room either side: keep it on the right, overlapping the screen edge rather than the DAW.
        assertEquals(
                new Rectangle(1500, 0, 400, 900), DockPlacement.beside(new Rectangle(100, 0, 1400, 900), 400, SCREEN));
    }

    @Test
    void thePanelDocksToARealArdourTitledX11WindowAndFollowsItsMoves() throws Exception {
        Optional<X11Windows> x11 = x11OrSkip();
        Process daw = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FakeDawWindow.class.getName(),
                        "100",
                        "80",
                        "800",
                        "600"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        JFrame[] panel = new JFrame[1];
        try (Docking docking = new Docking(panelFrame(panel), x11.get(), () -> SCREEN);
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(daw.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter in = new PrintWriter(daw.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertEquals("ready", out.readLine());
            docking.start();
            awaitBounds(panel[0], new Rectangle(900, 80, 360, 600));

            in.println("move 300 150 700 500");
            assertEquals("at 300 150 700 500", out.readLine());
            awaitBounds(panel[0], new Rectangle(1000, 150, 360, 500));

            in.println("move 1100 0 500 900"); // no room on the right any more: dock on its left
            assertEquals("at 1100 0 500 900", out.readLine());
            awaitBounds(panel[0], new Rectangle(740, 0, 360, 900));
        } finally {
            daw.destroy();
            daw.waitFor(10, TimeUnit.SECONDS);
            SwingUtilities.invokeAndWait(() -> panel[0].dispose());
        }
    }

    /** The display's windows, or skips where there is no X11 display (fails on CI, which must have one). */
    static Optional<X11Windows> x11OrSkip() {
        RealParts.require(!GraphicsEnvironment.isHeadless(), "no display: run through scripts/test, which starts Xvfb");
        Optional<X11Windows> x11 = X11Windows.open("Ardour");
        RealParts.require(x11.isPresent(), "the display is not an X11 display");
        return x11;
    }

    static JFrame panelFrame(JFrame[] holder) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            holder[0] = new JFrame("gainstage");
            holder[0].setBounds(10, 10, 360, 300);
            holder[0].setVisible(true);
        });
        return holder[0];
    }

    static void awaitBounds(JFrame frame, Rectangle expected) throws Exception {
        AtomicReference<Rectangle> now = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SwingUtilities.invokeAndWait(() -> now.set(frame.getBounds()));
            if (now.get().equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(expected, now.get(), "the panel did not dock within 10 s");
    }
}
