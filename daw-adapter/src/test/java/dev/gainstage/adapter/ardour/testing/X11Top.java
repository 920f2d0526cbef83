package dev.gainstage.adapter.ardour.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level windows of an X display without a window manager (Xvfb in the tests), through Xlib (JNA): their
 * ids, titles, bounds and whether they are mapped; and moving one, as a user dragging it would.
 */
public final class X11Top implements AutoCloseable {
    private final X11 x11 = X11.INSTANCE;
    private final X11.Display display;

    private X11Top(X11.Display display) {
        this.display = display;
    }

    public static X11Top open(String displayName) throws IOException {
        X11.Display d = X11.INSTANCE.XOpenDisplay(displayName);
        if (d == null) {
            throw new IOException("cannot open X display " + displayName);
        }
        return new X11Top(d);
    }

    /** The two Xlib calls jna-platform's X11 binding leaves out. */
    interface ServerGrab extends Library {
        ServerGrab INSTANCE = Native.load("X11", ServerGrab.class);

        int XGrabServer(X11.Display display);

        int XUngrabServer(X11.Display display);
    }

    /** A top-level window: its title (null when it has none) and bounds on the screen. */
    public record Window(long id, String title, Rectangle bounds, boolean viewable) {}

    /** The children of the root window (with no window manager, the applications' windows themselves). */
    public synchronized List<Window> windows() {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parent = new X11.WindowByReference();
        PointerByReference children = new PointerByReference();
        IntByReference count = new IntByReference();
        List<Window> out = new ArrayList<>();
        // With the server grabbed no other client runs, so no window can vanish between listing it and
        // reading it: Xlib's default answer to that (BadWindow) is to end the whole test JVM.
        ServerGrab.INSTANCE.XGrabServer(display);
        try {
            if (x11.XQueryTree(display, x11.XDefaultRootWindow(display), rootReturn, parent, children, count) == 0
                    || children.getValue() == null) {
                return out;
            }
            collect(children.getValue(), count.getValue(), out);
        } finally {
            ServerGrab.INSTANCE.XUngrabServer(display);
            x11.XSync(display, false);
        }
        return out;
    }

    private void collect(Pointer ids, int count, List<Window> out) {
        try {
            for (int i = 0; i < count; i++) {
                long id = Native.LONG_SIZE == 8 ? ids.getLong(8L * i) : ids.getInt(4L * i) & 0xFFFFFFFFL;
                X11.Window w = new X11.Window(id);
                X11.XWindowAttributes a = new X11.XWindowAttributes();
                if (x11.XGetWindowAttributes(display, w, a) != 0) {
                    out.add(new Window(
                            id, name(w), new Rectangle(a.x, a.y, a.width, a.height), a.map_state == X11.IsViewable));
                }
            }
        } finally {
            x11.XFree(ids);
        }
    }

    private String name(X11.Window w) {
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

    /** Moves a top-level window (no window manager redirects the request) and waits until the server did. */
    public synchronized void move(long id, int x, int y) {
        x11.XMoveWindow(display, new X11.Window(id), x, y);
        x11.XSync(display, false);
    }

    @Override
    public synchronized void close() {
        x11.XCloseDisplay(display);
    }
}
