package dev.gainstage.panel.overview;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StripKind;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * The overview: one row per strip, one cell per stage in chain order, each cell a bar meter (input
 * above output, peak-hold tick, coloured by staging state) with the plugin's in→out delta. Painted
 * directly rather than with a table so that 64 strips x 6 stages repaint well inside a frame.
 * Sizes follow the font, so the panel scales on HiDPI screens.
 */
public final class OverviewPanel extends JComponent implements Scrollable {
    private static final Color CELL = new Color(0x26, 0x28, 0x2B);
    private static final Color INPUT_BAR = new Color(0x78, 0x90, 0x9C);
    private static final Color ZERO_LINE = new Color(255, 255, 255, 90);
    private static final Color CELL_TEXT = new Color(0xE0, 0xE0, 0xE0);

    private final PanelModel model;
    private final OverviewModel overview;
    private List<StripRow> rows = List.of();
    private long paints; // EDT only: frames drawn, for the panel benchmark

    public OverviewPanel(PanelModel model, OverviewModel overview) {
        this.model = model;
        this.overview = overview;
        setName("overview");
        setFocusable(true);
        setOpaque(true);
        setToolTipText(""); // enables per-cell tooltips
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                select(e.getX(), e.getY());
            }
        });
        getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke("DOWN"), "next");
        getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke("UP"), "previous");
        getActionMap().put("next", move(1));
        getActionMap().put("previous", move(-1));
    }

    private AbstractAction move(int step) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                if (rows.isEmpty()) {
                    return;
                }
                int current = overview.rowOfStrip(model.selection().stripId());
                int next = Math.max(0, Math.min(rows.size() - 1, current < 0 ? 0 : current + step));
                model.select(new PanelModel.Selection(rows.get(next).stripId(), ""));
                scrollRectToVisible(new Rectangle(0, next * rowHeight(), 10, rowHeight()));
            }
        };
    }

    /** Takes the rows to show now; repaints, and re-lays out only when the size changes. */
    public void refresh() {
        int before = rows.size();
        int widthBefore = overview.maxCells();
        rows = overview.rows();
        if (rows.size() != before || overview.maxCells() != widthBefore) {
            revalidate();
        }
        repaint();
    }

    int rowHeight() {
        return Math.round(getFont().getSize2D() * 2.6f);
    }

    int nameWidth() {
        return Math.round(getFont().getSize2D() * 10f);
    }

    int cellWidth() {
        return Math.round(getFont().getSize2D() * 8f);
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(
                nameWidth() + Math.max(6, overview.maxCells()) * cellWidth() + 8,
                Math.max(1, rows.size()) * rowHeight());
    }

    private void select(int x, int y) {
        int r = y / rowHeight();
        if (r < 0 || r >= rows.size()) {
            return;
        }
        StripRow row = rows.get(r);
        int c = (x - nameWidth()) / cellWidth();
        String stage =
                x >= nameWidth() && c < row.cells().size() ? row.cells().get(c).stageId() : "";
        model.select(new PanelModel.Selection(row.stripId(), stage));
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int r = e.getY() / rowHeight();
        if (r < 0 || r >= rows.size() || e.getX() < nameWidth()) {
            return null;
        }
        StripRow row = rows.get(r);
        int c = (e.getX() - nameWidth()) / cellWidth();
        return c < row.cells().size()
                ? row.name() + " \u25B8 " + row.cells().get(c).detail()
                : null;
    }

    /** How many times the overview has been drawn (read on the EDT). */
    public long paints() {
        return paints;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        paints++;
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color bg = UIManager.getColor("Panel.background");
        g.setColor(bg == null ? getBackground() : bg);
        g.fillRect(0, 0, getWidth(), getHeight());
        Rectangle clip = g.getClipBounds();
        int rh = rowHeight();
        int first = clip == null ? 0 : Math.max(0, clip.y / rh);
        int last = clip == null ? rows.size() - 1 : Math.min(rows.size() - 1, (clip.y + clip.height) / rh);
        Font font = getFont();
        Font small = font.deriveFont(font.getSize2D() * 0.8f);
        FontMetrics fm = g.getFontMetrics(font);
        Color fg = UIManager.getColor("Label.foreground");
        Color selected = UIManager.getColor("Table.selectionBackground");
        String selStrip = model.selection().stripId();
        String selStage = model.selection().stageId();
        for (int i = first; i <= last; i++) {
            StripRow row = rows.get(i);
            int y = i * rh;
            if (row.stripId().equals(selStrip)) {
                g.setColor(selected == null ? Color.DARK_GRAY : selected);
                g.fillRect(0, y, getWidth(), rh);
            }
            g.setColor(fg == null ? Color.LIGHT_GRAY : fg);
            g.setFont(font);
            String label = (row.kind() == StripKind.STRIP_KIND_BUS
                            ? "\u2261 "
                            : row.kind() == StripKind.STRIP_KIND_MASTER ? "\u25A0 " : "")
                    + row.name();
            g.drawString(clip(label, fm, nameWidth() - 8), 6, y + (rh + fm.getAscent()) / 2 - 2);
            for (int c = 0; c < row.cells().size(); c++) {
                paintCell(
                        g,
                        row.cells().get(c),
                        nameWidth() + c * cellWidth(),
                        y,
                        small,
                        row.cells().get(c).stageId().equals(selStage));
            }
        }
    }

    private void paintCell(Graphics2D g, StageCell cell, int x, int y, Font small, boolean selected) {
        int w = cellWidth() - 6;
        int h = rowHeight() - 4;
        Color state = StagingColors.of(cell.state());
        g.setColor(CELL);
        g.fillRoundRect(x, y + 2, w, h, 6, 6);
        g.setColor(selected ? Color.WHITE : state.darker());
        g.drawRoundRect(x, y + 2, w, h, 6, 6);
        int barX = x + 3;
        int barW = w - 6;
        int barH = Math.max(3, h / 6);
        boolean hasInput = cell.kind() != StageKind.STAGE_KIND_SOURCE;
        int outY = y + h - barH - 1;
        if (hasInput) {
            int inY = outY - barH - 2;
            g.setColor(INPUT_BAR);
            g.fillRect(barX, inY, (int) (barW * LevelScale.fraction(cell.inPeak())), barH);
        }
        g.setColor(cell.active() ? state : StagingColors.NO_SIGNAL);
        g.fillRect(barX, outY, (int) (barW * LevelScale.fraction(cell.outPeak())), barH);
        if (!Double.isNaN(cell.outHold())) {
            int hx = barX + (int) (barW * LevelScale.fraction(cell.outHold()));
            g.setColor(LevelScale.colorOf(cell.outHold()));
            g.fillRect(Math.min(hx, barX + barW - 2), outY - 1, 2, barH + 2);
        }
        int zero = barX + (int) (barW * LevelScale.fraction(0));
        g.setColor(ZERO_LINE);
        g.drawLine(zero, outY - barH - 3, zero, outY + barH);
        g.setFont(small);
        g.setColor(CELL_TEXT);
        FontMetrics fm = g.getFontMetrics();
        String text = cell.name();
        if (!Double.isNaN(cell.gainDelta())) {
            text = String.format(Locale.ROOT, "%s %+.1f", text, cell.gainDelta());
        }
        g.drawString(clip(text, fm, w - 6), x + 4, y + 2 + fm.getAscent());
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "\u2026";
            if (fm.stringWidth(t) <= width) {
                return t;
            }
        }
        return "";
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? rowHeight() : cellWidth();
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() != null && getParent().getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
