package dev.gainstage.panel.dock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.adapter.ardour.testing.ArdourGui;
import dev.gainstage.adapter.ardour.testing.ArdourLogOnFailure;
import dev.gainstage.adapter.ardour.testing.DemoSession;
import dev.gainstage.adapter.ardour.testing.JackServer;
import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.adapter.ardour.testing.X11Top;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Docking against Ardour's real GUI ({@code $ARDOUR_GUI}, else {@code ardour} on the PATH: 7.3, 8.12 or 9.8; see
 * {@link ArdourGui}) on a private JACK server, on the panel's own X display (Xvfb under scripts/test), with a small
 * demo session made by {@code $ARDOUR_LUA} (else the newest ardourN-lua on the PATH). The panel must sit against the editor window's edge at its height,
 * and follow it when the window moves. Skipped where Ardour or JACK is not installed (CI installs both).
 */
@Tag("ardour")
@Tag("ardour-gui")
class ArdourDockingTest {
    private static final int PANEL_WIDTH = 360;
    private ArdourGui gui;

    @RegisterExtension
    final ArdourLogOnFailure ardourLog = new ArdourLogOnFailure(() -> gui);

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void thePanelDocksToArdoursEditorWindowAndFollowsItsMoves() throws Exception {
        Optional<X11Windows> x11 = DockingTest.x11OrSkip();
        ArdourGui.ardourOrSkip();
        DemoSession.ardourLuaOrSkip();
        String display = System.getenv("DISPLAY");
        Path dir = Files.createTempDirectory("gainstage-ardour-docking");
        JFrame[] panel = new JFrame[1];
        try (JackServer jack =
                JackServer.start("gainstage-dock-" + ProcessHandle.current().pid(), dir.resolve("jackd.log"))) {
            runDocking(dir, jack, display, x11, panel);
        } finally {
            TestDirs.removeUnlessKept(dir);
        }
    }

    private void runDocking(Path dir, JackServer jack, String display, Optional<X11Windows> x11, JFrame[] panel)
            throws Exception {
        Path session = DemoSession.create(dir, jack, 1);
        gui = ArdourGui.start(session, display, jack, dir.resolve("gui"), dir.resolve("control"), false);
        System.out.printf(
                "Ardour GUI: Ardour %s ready in %d ms (start %d)%n",
                gui.version(), gui.startupMillis(), gui.attempts());
        try (X11Top top = X11Top.open(display);
                Docking docking = new Docking(DockingTest.panelFrame(panel), x11.get(), ArdourDockingTest::screen)) {
            long editor = gui.editorWindow(top).orElseThrow().id();
            docking.start();
            Rectangle at = awaitDockedBeside(top, editor, panel[0]);
            System.out.println("Ardour's editor at " + at + ", the panel at " + panel[0].getBounds());

            top.move(editor, 120, 150); // no room on the left of the editor (about 1350 px wide): the panel goes right
            assertEquals(new Rectangle(120, 150, at.width, at.height), awaitDockedBeside(top, editor, panel[0]));

            top.move(editor, 1000, 300); // no room on the right: the panel goes left of it
            Rectangle moved = awaitDockedBeside(top, editor, panel[0]);
            assertEquals(1000 - PANEL_WIDTH, panel[0].getX(), "the panel against the editor's left edge");
            assertEquals(new Rectangle(1000, 300, at.width, at.height), moved);
        } finally {
            gui.close();
            if (panel[0] != null) {
                SwingUtilities.invokeAndWait(() -> panel[0].dispose());
            }
        }
    }

    /** The display's real bounds: where the panel can go depends on how wide Ardour opened its editor there. */
    private static Rectangle screen() {
        return java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getDefaultScreenDevice()
                .getDefaultConfiguration()
                .getBounds();
    }

    /**
     * Waits until the panel sits against the editor window's right edge (its left edge when the screen has no room
     * on the right), top-aligned and as tall; returns the editor's bounds.
     */
    private static Rectangle awaitDockedBeside(X11Top top, long editor, JFrame panel) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Rectangle daw = null;
        Rectangle now = null;
        while (System.nanoTime() < deadline) {
            daw = top.windows().stream()
                    .filter(w -> w.id() == editor)
                    .findFirst()
                    .orElseThrow()
                    .bounds();
            Rectangle[] p = new Rectangle[1];
            SwingUtilities.invokeAndWait(() -> p[0] = panel.getBounds());
            now = p[0];
            boolean right = now.x == daw.x + daw.width;
            boolean left = now.x + now.width == daw.x;
            Rectangle screen = screen();
            boolean rightFits = daw.x + daw.width + now.width <= screen.x + screen.width;
            if (now.y == daw.y
                    && now.height == daw.height
                    && now.width == PANEL_WIDTH
                    && (right || left && !rightFits)) {
                return daw;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the panel " + now + " is not docked beside Ardour's editor window " + daw + " after 10 s");
    }
}
