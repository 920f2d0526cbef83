package dev.gainstage.panel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Records every Swing update of a showing component made off the EDT. {@code repaint()} is the one
 * call Swing allows from any thread, so updates that come through it are not counted.
 */
public final class EdtCheckingRepaintManager extends RepaintManager {
    private final List<String> violations = new CopyOnWriteArrayList<>();

    public List<String> violations() {
        return violations;
    }

    @Override
    public synchronized void addInvalidComponent(JComponent c) {
        check(c);
        super.addInvalidComponent(c);
    }

    @Override
    public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
        check(c);
        super.addDirtyRegion(c, x, y, w, h);
    }

    private void check(JComponent c) {
        if (SwingUtilities.isEventDispatchThread() || !c.isShowing()) {
            return;
        }
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        boolean viaRepaint = Arrays.stream(stack)
                .anyMatch(e -> e.getMethodName().equals("repaint")
                        && (e.getClassName().equals("java.awt.Component")
                                || e.getClassName().equals("javax.swing.JComponent")));
        if (!viaRepaint) {
            violations.add(Thread.currentThread().getName() + " updated "
                    + c.getClass().getName() + " at "
                    + Arrays.stream(stack).skip(2).limit(8).map(String::valueOf).collect(Collectors.joining(" < ")));
        }
    }
}
