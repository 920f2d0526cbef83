package dev.gainstage.panel;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JRootPane;
import javax.swing.JToolTip;
import javax.swing.SwingUtilities;

/**
 * Places tooltips inside the panel's window: below and right of the pointer where there is room,
 * else moved left or above it, so no part of one is cut off at the window's edge. A component opts in
 * by returning {@link #location} from {@code getToolTipLocation}.
 */
public final class Tooltips {
    private static final int OFFSET = 16;

    private Tooltips() {}

    /** Where a tooltip of {@code tip} size goes for a pointer at {@code pointer}, both in {@code area}'s coordinates. */
    public static Point inside(Rectangle area, Dimension tip, Point pointer) {
        int x = pointer.x + OFFSET / 2;
        int y = pointer.y + OFFSET;
        if (x + tip.width > area.x + area.width) {
            x = area.x + area.width - tip.width;
        }
        if (y + tip.height > area.y + area.height) {
            y = pointer.y - tip.height - OFFSET / 2; // above the pointer rather than under it
        }
        return new Point(Math.max(area.x, x), Math.max(area.y, y));
    }

    /** The tooltip location for {@code c} (its coordinates) that keeps its tooltip text inside the window. */
    public static Point location(JComponent c, MouseEvent e) {
        String text = c.getToolTipText(e);
        JRootPane root = c.getRootPane();
        if (text == null || root == null) {
            return null;
        }
        JToolTip tip = c.createToolTip();
        tip.setTipText(text);
        Rectangle area = new Rectangle(0, 0, root.getWidth(), root.getHeight());
        Point pointer = SwingUtilities.convertPoint(c, e.getPoint(), root);
        Point at = inside(area, tip.getPreferredSize(), pointer);
        return SwingUtilities.convertPoint(root, at, c);
    }

    /** A button whose tooltip stays inside the window. */
    public static JButton button(String text) {
        return new JButton(text) {
            @Override
            public Point getToolTipLocation(MouseEvent e) {
                return Tooltips.location(this, e);
            }
        };
    }

    /** Tooltip text on several lines, so that it stays narrow. */
    public static String lines(String... lines) {
        StringBuilder sb = new StringBuilder("<html>");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append("<br>");
            }
            sb.append(escape(lines[i]));
        }
        return sb.append("</html>").toString();
    }

    /** A long tooltip text wrapped to a readable width. */
    public static String paragraph(String text) {
        return "<html><body style='width: 320px'>" + escape(text) + "</body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
