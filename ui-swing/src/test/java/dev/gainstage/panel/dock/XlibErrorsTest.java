package dev.gainstage.panel.dock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.platform.unix.X11;
import dev.gainstage.adapter.ardour.testing.RealParts;
import org.junit.jupiter.api.Test;

/**
 * A window that is gone by the time the dock asks about it (BadWindow) must only fail that request:
 * with Xlib's default handler it ends the whole process, the panel with it.
 */
class XlibErrorsTest {
    @Test
    void aWindowGoneWhileTheDockReadsItFailsOnlyThatRequest() {
        RealParts.require(
                System.getenv("DISPLAY") != null, "needs an X display (scripts/test runs the tests under Xvfb)");
        X11 x11 = X11.INSTANCE;
        X11.Display display = x11.XOpenDisplay(null);
        RealParts.require(display != null, "cannot open the X display");
        XlibErrors.skipOn(x11, display);
        try {
            X11.XWindowAttributes a = new X11.XWindowAttributes();
            assertEquals(0, x11.XGetWindowAttributes(display, new X11.Window(0x1ff_fffeL), a), "no such window");
            x11.XSync(display, false);
        } finally {
            x11.XCloseDisplay(display);
            XlibErrors.forget(display);
        }
    }
}
