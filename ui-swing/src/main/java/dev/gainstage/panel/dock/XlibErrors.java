package dev.gainstage.panel.dock;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Xlib reports protocol errors to one handler per process, and its default handler ends the
 * process. Windows come and go while the dock reads them (a DAW's dialog closes between listing
 * the windows and asking for one's size: BadWindow), so errors on the dock's own connections are
 * expected and skipped; errors on any other connection go to the handler that was there before
 * (AWT's, which passes what it does not expect on to Xlib's). Installed once, and kept referenced:
 * native code holds the callback.
 */
final class XlibErrors {
    private static final Set<Pointer> OURS = ConcurrentHashMap.newKeySet();
    private static volatile X11.XErrorHandler previous;
    private static boolean installed;

    private static final X11.XErrorHandler HANDLER = (display, event) -> {
        try {
            if (display != null && OURS.contains(display.getPointer())) {
                return 0;
            }
            X11.XErrorHandler before = previous;
            return before == null ? 0 : before.apply(display, event);
        } catch (RuntimeException | Error e) {
            return 0; // never let an exception cross into Xlib
        }
    };

    private XlibErrors() {}

    /** Errors on {@code display} are skipped from now on (the request that caused one just fails). */
    static synchronized void skipOn(X11 x11, X11.Display display) {
        if (!installed) {
            previous = x11.XSetErrorHandler(HANDLER);
            installed = true;
        }
        OURS.add(display.getPointer());
    }

    static void forget(X11.Display display) {
        OURS.remove(display.getPointer());
    }
}
