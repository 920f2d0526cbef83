package dev.gainstage.panel.overview;

import dev.gainstage.panel.LevelScale;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The dB scale above the overview's columns, fixed while the rows scroll: the labelled ticks of
 * every column's bars, at the positions where the bars below draw their faint tick lines.
 */
public final class OverviewScale extends JComponent {
    private static final Color TEXT = new Color(0xB0, 0xB0, 0xB0);
    /** Pixels at least between two tick labels. */
    static final int LABEL_GAP = 3;

    private final OverviewPanel overview;

    public OverviewScale(OverviewPanel overview) {
        this.overview = overview;
        setName("overviewScale");
        setOpaque(true);
        overview.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                revalidate();
                repaint();
            }
        });
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(overview.small());
        return new Dimension(
                Math.max(overview.getWidth(), overview.getPreferredSize().width), OverviewPanel.lineHeight(fm) + 5);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color bg = UIManager.getColor("Panel.background");
        g.setColor(bg == null ? getBackground() : bg);
        g.fillRect(0, 0, getWidth(), getHeight());
        OverviewGeometry geo = overview.geometry();
        g.setFont(overview.small());
        FontMetrics fm = g.getFontMetrics();
        int baseline = 1 + fm.getAscent();
        g.setColor(TEXT);
        g.drawString("dBFS", geo.nameWidth() - 8 - fm.stringWidth("dBFS"), baseline);
        var ticks = LevelScale.ticks(geo.barWidth(), fm::stringWidth, LABEL_GAP);
        for (int c = 0; c < geo.cells(); c++) {
            int bx = geo.cellX(c) + geo.barX();
            for (LevelScale.Tick t : ticks) {
                g.drawString(t.label(), bx + t.labelX(), baseline);
                g.drawLine(bx + t.x(), getHeight() - 3, bx + t.x(), getHeight() - 1);
            }
        }
    }
}
