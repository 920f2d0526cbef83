package dev.gainstage.panel.master;

import dev.gainstage.panel.StagingColors;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import javax.swing.JComponent;

/**
 * The master's short-term loudness over session audio time (one point a second, newest at the right edge), with the
 * target as a dashed line, on a fixed -40..0 LUFS scale so a glance compares it with any earlier one. EDT only.
 */
public final class LoudnessHistoryGraph extends JComponent {
    static final double TOP_LUFS = 0;
    static final double BOTTOM_LUFS = -40;
    /** A minute of points. */
    static final int MIN_SPAN_POINTS = 60;

    private static final Color LINE = new Color(0x4F, 0xC3, 0xF7);
    /** The line of a history no longer growing (DAW or sidecar gone). */
    private static final Color FROZEN_LINE = new Color(0x80, 0x80, 0x80);

    private static final Color GRID = new Color(0x3A, 0x3B, 0x3D);
    private static final Color TEXT = new Color(0xA8, 0xA8, 0xA8);

    private List<Double> points = List.of();
    private double targetLufs = Double.NaN;
    private double endSeconds;

    public LoudnessHistoryGraph() {
        setName("master.history");
        setPreferredSize(new Dimension(220, 50));
        setToolTipText("Short-term loudness of the master over the last minutes of audio (one point a second)");
    }

    public void show(MasterReadouts r) {
        points = r.history();
        targetLufs = r.targetLufs();
        endSeconds = r.historyEndSeconds();
        repaint();
    }

    /** The y of a loudness in a graph {@code height} pixels high (clamped to the scale). */
    static int y(double lufs, int height) {
        double f = (Math.max(BOTTOM_LUFS, Math.min(TOP_LUFS, lufs)) - TOP_LUFS) / (BOTTOM_LUFS - TOP_LUFS);
        return (int) Math.round(f * (height - 1));
    }

    /**
     * The x of point {@code i} of {@code n} in a graph {@code width} pixels wide: newest at the right edge, the width
     * spanning at least {@link #MIN_SPAN_POINTS} points (so the time scale holds still for the first minute) and at
     * most all of them.
     */
    static int x(int i, int n, int width) {
        int span = Math.max(MIN_SPAN_POINTS, n);
        return width - 1 - (int) Math.round((n - 1 - i) * (width - 1) / (double) (span - 1));
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int w = getWidth();
        int h = getHeight();
        g.setColor(new Color(0x1A, 0x1B, 0x1D));
        g.fillRect(0, 0, w, h);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(GRID);
        for (double l = -10; l > BOTTOM_LUFS; l -= 10) {
            int y = y(l, h);
            g.drawLine(0, y, w, y);
            if (l == -20) { // one label: the graph is short
                g.setColor(TEXT);
                g.drawString((int) l + " LUFS", 2, y - 2);
                g.setColor(GRID);
            }
        }
        if (!Double.isNaN(targetLufs)) {
            g.setColor(StagingColors.HOT);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 3}, 0));
            int y = y(targetLufs, h);
            g.drawLine(0, y, w, y);
            String label = "target " + (int) targetLufs + " LUFS";
            g.drawString(label, w - fm.stringWidth(label) - 4, y - 2);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(isEnabled() ? LINE : FROZEN_LINE);
        int n = points.size();
        int previousX = -1;
        int previousY = -1;
        for (int i = 0; i < n; i++) {
            double v = points.get(i);
            int x = x(i, n, w);
            if (Double.isNaN(v)) {
                previousX = -1;
                continue;
            }
            int y = y(v, h);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            } else {
                g.fillRect(x, y, 1, 1);
            }
            previousX = x;
            previousY = y;
        }
        if (n > 0) {
            g.setColor(TEXT);
            String span = "last " + n + " s, to " + Math.round(endSeconds) + " s";
            g.drawString(span, 2, h - 3);
        }
        g.dispose();
    }
}
