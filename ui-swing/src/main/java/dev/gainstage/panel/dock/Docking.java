package dev.gainstage.panel.dock;

import java.awt.Rectangle;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Keeps the panel docked to the DAW's main window: every half second (off the EDT) it looks for the
 * window and, when it moved or resized, moves the panel beside it at the same height (on the EDT).
 * With no DAW window the panel stays where the user put it.
 *
 * <p>A placement is applied again at the next polls until the frame reports it, for at most
 * {@link #SETTLE_POLLS} polls: without a window manager (Xvfb) X11 now and then applies a frame's new size
 * but not its new position. After that the panel is left alone until the DAW's window moves again, so a
 * user who drags it away keeps it there.
 */
public final class Docking implements AutoCloseable {
    static final long PERIOD_MILLIS = 500;
    /** How many polls a placement is re-applied while the frame does not report it. */
    static final int SETTLE_POLLS = 6;

    private final JFrame frame;
    private final DawWindowSource source;
    private final Supplier<Rectangle> screen;
    private final AtomicReference<Rectangle> lastDaw = new AtomicReference<>();
    private int settling; // poller thread only: polls left to re-apply the placement of lastDaw
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gainstage-docking");
        t.setDaemon(true);
        return t;
    });

    public Docking(JFrame frame, DawWindowSource source, Supplier<Rectangle> screen) {
        this.frame = frame;
        this.source = source;
        this.screen = screen;
    }

    public void start() {
        poller.scheduleWithFixedDelay(this::poll, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The DAW window found at the last poll, if any. */
    public Optional<Rectangle> dawWindow() {
        return Optional.ofNullable(lastDaw.get());
    }

    private void poll() {
        try {
            Optional<Rectangle> daw = source.find();
            Rectangle previous = lastDaw.getAndSet(daw.orElse(null));
            if (daw.isEmpty()) {
                return;
            }
            if (!daw.get().equals(previous)) {
                settling = SETTLE_POLLS;
            } else if (settling == 0) {
                return;
            }
            settling--;
            Rectangle target = daw.get();
            SwingUtilities.invokeLater(() -> {
                Rectangle wanted = DockPlacement.beside(target, frame.getWidth(), screen.get());
                if (!frame.getBounds().equals(wanted)) {
                    frame.setBounds(wanted);
                }
            });
        } catch (RuntimeException e) {
            // A window that vanished mid-query, a display hiccup: try again at the next poll.
            lastDaw.set(null);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        if (source instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the display connection on exit
            }
        }
    }
}
