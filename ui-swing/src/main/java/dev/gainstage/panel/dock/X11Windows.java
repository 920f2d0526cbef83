package dev.gainstage.panel.dock;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds top-level windows on an X11 display through Xlib (JNA): their titles and absolute bounds.
 * Under a window manager the title sits on the client window inside the manager's frame, so the
 * tree is searched a few levels down. One display connection, used from one thread.
 */
public final class X11Windows implements DawWindowSource, AutoCloseable {
    private static final int MAX_DEPTH = 3;
    private static final int MIN_SIZE = 100; // tooltips, menus and icons are not the DAW's main window

    private final X11 x11;
    private final X11.Display display;
    private final String needle;

    private X11Windows(X11 x11, X11.Display display, String needle) {
        this.x11 = x11;
        this.display = display;
        this.needle = needle.toLowerCase(Locale.ROOT);
    }

    /** Connects to $DISPLAY; empty when there is no X11 display or no Xlib on this machine. */
    public static Optional<X11Windows> open(String titleContains) {
        try {
            X11 x11 = X11.INSTANCE;
            X11.Display display = x11.XOpenDisplay(null);
            if (display == null) {
                return Optional.empty();
            }
            XlibErrors.skipOn(x11, display);
            return Optional.of(new X11Windows(x11, display, titleContains));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }

    /** A window that has a title, with its bounds on the root window. */
    public record Found(String title, Rectangle bounds) {}

    /** The largest viewable window whose title contains the needle, ignoring gainstage's own windows. */
    @Override
    public Optional<Rectangle> find() {
        Found best = null;
        for (Found f : titled()) {
            String t = f.title().toLowerCase(Locale.ROOT);
            if (t.contains(needle)
                    && !t.startsWith("gainstage")
                    && f.bounds().width >= MIN_SIZE
                    && f.bounds().height >= MIN_SIZE
                    && (best == null || area(f.bounds()) > area(best.bounds()))) {
                best = f;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.bounds());
    }

    private static long area(Rectangle r) {
        return (long) r.width * r.height;
    }

    public List<Found> titled() {
        List<Found> out = new ArrayList<>();
        X11.Window root = x11.XDefaultRootWindow(display);
        collect(root, root, 0, out);
        return out;
    }

    private void collect(X11.Window root, X11.Window w, int depth, List<Found> out) {
        if (depth > 0) {
            String title = title(w);
            if (title != null && !title.isEmpty()) {
                X11.XWindowAttributes a = new X11.XWindowAttributes();
                if (x11.XGetWindowAttributes(display, w, a) != 0 && a.map_state == X11.IsViewable) {
                    IntByReference ax = new IntByReference();
                    IntByReference ay = new IntByReference();
                    X11.WindowByReference child = new X11.WindowByReference();
                    x11.XTranslateCoordinates(display, w, root, 0, 0, ax, ay, child);
                    out.add(new Found(title, new Rectangle(ax.getValue(), ay.getValue(), a.width, a.height)));
                }
                return; // a titled window is a client: its children are its own business
            }
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference children = new PointerByReference();
        IntByReference count = new IntByReference();
        if (x11.XQueryTree(display, w, rootReturn, parentReturn, children, count) == 0) {
            return;
        }
        Pointer p = children.getValue();
        if (p == null) {
            return;
        }
        try {
            long[] ids = com.sun.jna.Native.LONG_SIZE == 8
                    ? p.getLongArray(0, count.getValue())
                    : toLongs(p.getIntArray(0, count.getValue()));
            for (long id : ids) {
                collect(root, new X11.Window(id), depth + 1, out);
            }
        } finally {
            x11.XFree(p);
        }
    }

    private static long[] toLongs(int[] ints) {
        long[] out = new long[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i] & 0xFFFFFFFFL;
        }
        return out;
    }

    private String title(X11.Window w) {
        PointerByReference name = new PointerByReference();
        if (x11.XFetchName(display, w, name) == 0 || name.getValue() == null) {
            return null;
        }
        try {
            return name.getValue().getString(0, "UTF-8");
        } finally {
            x11.XFree(name.getValue());
        }
    }

    @Override
    public void close() {
        x11.XCloseDisplay(display);
        XlibErrors.forget(display);
    }
}
