package dev.gainstage.panel.overview;

import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.TextFit;
import dev.gainstage.panel.Tooltips;
import dev.gainstage.proto.v1.StripKind;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * The overview: one row per strip, one cell per stage in chain order. Each cell is a pair of bar
 * meters on the panel's dB scale (input above output, peak-hold tick, faint lines at the scale's
 * labelled ticks, coloured by staging state) with their peak and hold as numbers, a clip indicator
 * per bar that stays lit until clicked, and the stage's name with the plugin's in→out loudness
 * change, which is never cut off. Cells share the window's width. Painted directly rather than with
 * a table so that 64 strips x 6 stages repaint well inside a frame. Just over 300 lines because the layout,
 * the hit-testing of clicks and tooltips and the painting share one geometry per paint; the cell itself is
 * drawn by {@code CellPainter}.
 */
public final class OverviewPanel extends JComponent implements Scrollable {
    /** Over frozen levels: grey, and translucent enough to leave the last numbers readable. */
    private static final Color FROZEN_VEIL = new Color(0x50, 0x50, 0x50, 0xA0);

    private final PanelModel model;
    private final OverviewModel overview;
    private List<StripRow> rows = List.of();
    private int nameNeeded;
    private final CellPainter painter;
    private Font smallOf;
    private Font small;
    private long paints; // EDT only: frames drawn, for the panel benchmark
    private boolean frozen;

    public OverviewPanel(PanelModel model, OverviewModel overview) {
        this.model = model;
        this.overview = overview;
        this.painter = new CellPainter(overview.clips(), overview::acknowledgedOnly);
        setName("overview");
        setFocusable(true);
        setOpaque(true);
        setToolTipText(""); // enables per-cell tooltips
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                press(e.getX(), e.getY());
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
                int rh = geometry().rowHeight();
                scrollRectToVisible(new Rectangle(0, next * rh, 10, rh));
            }
        };
    }

    /** Takes the rows to show now; repaints, and re-lays out only when the size changes. */
    public void refresh() {
        int before = rows.size();
        int widthBefore = geometry().minimumWidth(getFont().getSize2D());
        rows = overview.rows();
        FontMetrics fm = getFontMetrics(getFont());
        int widest = 0;
        for (StripRow r : rows) {
            widest = Math.max(widest, fm.stringWidth(label(r)));
        }
        nameNeeded = widest;
        if (rows.size() != before || geometry().minimumWidth(getFont().getSize2D()) != widthBefore) {
            revalidate();
        }
        repaint();
    }

    /** The cells' smaller font, derived once per font. */
    Font small() {
        if (smallOf != getFont()) {
            smallOf = getFont();
            small = smallOf.deriveFont(smallOf.getSize2D() * 0.8f);
        }
        return small;
    }

    /** The layout at the current width. */
    public OverviewGeometry geometry() {
        return OverviewGeometry.of(
                getWidth(),
                getFont().getSize2D(),
                nameNeeded,
                overview.maxCells(),
                lineHeight(getFontMetrics(small())));
    }

    /** A line of the cells' text: no leading, the cells are dense. */
    static int lineHeight(FontMetrics fm) {
        return fm.getAscent() + fm.getDescent();
    }

    private static String label(StripRow row) {
        return (row.kind() == StripKind.STRIP_KIND_BUS
                        ? "\u2261 "
                        : row.kind() == StripKind.STRIP_KIND_MASTER ? "\u25A0 " : "")
                + row.name();
    }

    @Override
    public Dimension getPreferredSize() {
        OverviewGeometry g = geometry();
        return new Dimension(g.minimumWidth(getFont().getSize2D()), Math.max(1, rows.size()) * g.rowHeight());
    }

    private void press(int x, int y) {
        OverviewGeometry geo = geometry();
        int r = y / geo.rowHeight();
        if (r < 0 || r >= rows.size()) {
            return;
        }
        StripRow row = rows.get(r);
        int c = geo.columnAt(x);
        StageCell cell = c >= 0 && c < row.cells().size() ? row.cells().get(c) : null;
        if (cell != null && geo.onLed(x - geo.cellX(c), y - r * geo.rowHeight())) {
            overview.resetClips(cell);
            repaint();
        }
        model.select(new PanelModel.Selection(row.stripId(), cell == null ? "" : cell.stageId()));
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        OverviewGeometry geo = geometry();
        int r = e.getY() / geo.rowHeight();
        int c = geo.columnAt(e.getX());
        if (r < 0 || r >= rows.size() || c < 0 || c >= rows.get(r).cells().size()) {
            return null;
        }
        StripRow row = rows.get(r);
        StageCell cell = row.cells().get(c);
        List<String> lines = new ArrayList<>(cell.detail());
        lines.set(0, row.name() + " \u25B8 " + lines.getFirst());
        String gap = overview.gaps().text(cell.stageId());
        if (!gap.isEmpty()) {
            lines.add(gap);
        }
        if (clipLit(cell.stageId())) {
            lines.add("clipped: click the red indicator to reset it");
        }
        return Tooltips.lines(lines.toArray(String[]::new));
    }

    @Override
    public Point getToolTipLocation(MouseEvent e) {
        return Tooltips.location(this, e);
    }

    /** Whether a stage's input or output clip indicator is lit. */
    public boolean clipLit(String stageId) {
        return overview.clips().lit(stageId, ClipLatches.Tap.INPUT)
                || overview.clips().lit(stageId, ClipLatches.Tap.OUTPUT);
    }

    /** The middle of a stage's output clip indicator, or null when the stage is not shown. */
    public Point ledOf(String stageId) {
        OverviewGeometry geo = geometry();
        for (int r = 0; r < rows.size(); r++) {
            List<StageCell> cells = rows.get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c).stageId().equals(stageId)) {
                    return new Point(
                            geo.cellX(c) + geo.ledX() + geo.ledWidth() / 2,
                            r * geo.rowHeight() + geo.outBarY() + geo.barHeight() / 2);
                }
            }
        }
        return null;
    }

    /** Greys the levels out while they are no longer measured (the DAW or the sidecar is gone); they stay readable. */
    public void setFrozen(boolean stale) {
        if (stale != frozen) {
            frozen = stale;
            repaint();
        }
    }

    public boolean frozen() {
        return frozen;
    }

    /** How many times the overview has been drawn (read on the EDT). */
    public long paints() {
        return paints;
    }

    /** The texts of the cell of a stage as the overview draws them now, or null when it is not shown. */
    public CellText textOf(String stageId) {
        OverviewGeometry geo = geometry();
        FontMetrics fm = getFontMetrics(small());
        int wording = Readout.wording(geo.barWidth(), fm::stringWidth);
        for (StripRow row : rows) {
            for (StageCell cell : row.cells()) {
                if (cell.stageId().equals(stageId)) {
                    return CellPainter.text(cell, geo, fm, wording);
                }
            }
        }
        return null;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        paints++;
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color bg = UIManager.getColor("Panel.background");
        g.setColor(bg == null ? getBackground() : bg);
        g.fillRect(0, 0, getWidth(), getHeight());
        OverviewGeometry geo = geometry();
        Rectangle clip = g.getClipBounds();
        int rh = geo.rowHeight();
        int first = clip == null ? 0 : Math.max(0, clip.y / rh);
        int last = clip == null ? rows.size() - 1 : Math.min(rows.size() - 1, (clip.y + clip.height) / rh);
        Font font = getFont();
        Font small = small();
        FontMetrics fm = g.getFontMetrics(font);
        FontMetrics sfm = g.getFontMetrics(small);
        painter.begin(geo, sfm, getGraphicsConfiguration());
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
            g.drawString(
                    TextFit.middle(label(row), geo.nameWidth() - 8, fm::stringWidth),
                    6,
                    y + (rh + fm.getAscent()) / 2 - 2);
            g.setFont(small);
            for (int c = 0; c < row.cells().size(); c++) {
                StageCell cell = row.cells().get(c);
                painter.paint(g, cell, geo.cellX(c), y, cell.stageId().equals(selStage));
            }
        }
        if (frozen) {
            g.setColor(FROZEN_VEIL);
            g.fillRect(0, 0, getWidth(), getHeight());
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL
                ? geometry().rowHeight()
                : geometry().cellWidth();
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
