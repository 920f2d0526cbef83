package dev.gainstage.panel.overview;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.TextFit;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Draws one overview cell: its backdrop, the state-coloured border, the name line with the plugin's
 * in→out change, the input and output bars with their hold ticks and readouts, and the lit clip
 * indicators. EDT only.
 */
final class CellPainter {
    private static final Color INPUT_BAR = new Color(0x78, 0x90, 0x9C);
    private static final Color CELL_TEXT = new Color(0xE0, 0xE0, 0xE0);
    private static final Color DIM_TEXT = new Color(0xA8, 0xA8, 0xA8);
    private static final Color OVER_TEXT = new Color(0xFF, 0x8A, 0x80);

    private final ClipLatches clips;
    private final Predicate<String> acknowledgedOnly;
    private final CellBackdrop backdrop = new CellBackdrop();
    private OverviewGeometry geo;
    private FontMetrics fm;
    private GraphicsConfiguration gc;
    private int wording;
    private List<LevelScale.Tick> ticks = List.of();

    /** @param acknowledgedOnly whether a stage's warnings are all acknowledged (its border says so) */
    CellPainter(ClipLatches clips, Predicate<String> acknowledgedOnly) {
        this.clips = clips;
        this.acknowledgedOnly = acknowledgedOnly;
    }

    /** The name is cut in the middle to leave room for the in→out change, which is never cut. */
    static CellText text(StageCell cell, OverviewGeometry geo, FontMetrics fm, int wording) {
        String delta = Readout.delta(cell.gainDelta());
        int room = geo.boxWidth() - 2 * geo.barX() - (delta.isEmpty() ? 0 : fm.stringWidth(delta) + Readout.GAP);
        return new CellText(
                TextFit.middle(cell.name(), room, fm::stringWidth),
                delta,
                cell.hasInput() ? Readout.of(cell.inPeak(), cell.inHold(), wording) : null,
                Readout.of(cell.outPeak(), cell.outHold(), wording));
    }

    /** Takes what every cell of a frame shares: the layout, the cells' font, the readouts' wording, the ticks. */
    void begin(OverviewGeometry geometry, FontMetrics metrics, GraphicsConfiguration config) {
        geo = geometry;
        fm = metrics;
        gc = config;
        wording = Readout.wording(geo.barWidth(), fm::stringWidth);
        ticks = LevelScale.ticks(geo.barWidth(), fm::stringWidth, OverviewScale.LABEL_GAP);
    }

    /** Draws a cell whose box starts at {@code x} in the row starting at {@code y}; after {@link #begin}. */
    void paint(Graphics2D g, StageCell cell, int x, int y, boolean selected) {
        int w = geo.boxWidth();
        int h = geo.rowHeight() - 4;
        Color state = StagingColors.of(cell.state());
        g.drawImage(backdrop.of(geo, ticks, cell.hasInput(), gc), x, y + 2, null);
        g.setColor(
                selected
                        ? Color.WHITE
                        : acknowledgedOnly.test(cell.stageId()) ? StagingColors.ACKNOWLEDGED : state.darker());
        g.drawRoundRect(x, y + 2, w, h, 6, 6);
        CellText text = text(cell, geo, fm, wording);
        int textX = x + geo.barX();
        int ascent = fm.getAscent();
        g.setColor(CELL_TEXT);
        g.drawString(text.name(), textX, y + geo.nameY() + ascent);
        if (!text.delta().isEmpty()) {
            g.drawString(text.delta(), x + w - geo.barX() - fm.stringWidth(text.delta()), y + geo.nameY() + ascent);
        }
        if (cell.hasInput()) {
            bar(g, geo, x, y + geo.inBarY(), cell.inPeak(), cell.inHold(), INPUT_BAR, fm, text.input());
            channels(g, geo, x, y + geo.inBarY(), cell.inChannels(), INPUT_BAR);
            if (clips.lit(cell.stageId(), ClipLatches.Tap.INPUT)) {
                led(g, geo, x, y + geo.inBarY());
            }
        }
        Color out = cell.active() ? state : StagingColors.NO_SIGNAL;
        bar(g, geo, x, y + geo.outBarY(), cell.outPeak(), cell.outHold(), out, fm, text.output());
        channels(g, geo, x, y + geo.outBarY(), cell.outChannels(), out);
        if (clips.lit(cell.stageId(), ClipLatches.Tap.OUTPUT)) {
            led(g, geo, x, y + geo.outBarY());
        }
    }

    /** One bar meter at {@code top} with its readout line under it. */
    private static void bar(
            Graphics2D g,
            OverviewGeometry geo,
            int x,
            int top,
            double peak,
            double hold,
            Color colour,
            FontMetrics fm,
            Readout readout) {
        int bx = x + geo.barX();
        int bw = geo.barWidth();
        int bh = geo.barHeight();
        g.setColor(colour);
        g.fillRect(bx, top, LevelScale.x(peak, bw), bh);
        if (!Double.isNaN(hold)) {
            g.setColor(LevelScale.colorOf(hold));
            g.fillRect(bx + Math.min(LevelScale.x(hold, bw), bw - 2), top - 1, 2, bh + 2);
        }
        int baseline = top + bh + fm.getAscent();
        g.setColor(peak > 0 ? OVER_TEXT : CELL_TEXT);
        g.drawString(readout.peak(), bx, baseline);
        g.setColor(hold > 0 ? OVER_TEXT : DIM_TEXT);
        g.drawString(readout.hold(), bx + bw - fm.stringWidth(readout.hold()), baseline);
    }

    /**
     * Over the combined bar at {@code top}, one bar per channel (L above R), each with its hold tick, when each gets
     * at least 2 px; the combined readout under them stays. The combined bar is the loudest channel's, so the
     * channels' bars only ever cover less of it: the backdrop is redrawn over it first.
     */
    private void channels(Graphics2D g, OverviewGeometry geo, int x, int top, List<ChannelBar> bars, Color colour) {
        int h = ChannelBar.rowHeight(geo.barHeight(), bars.size());
        if (h == 0) {
            return;
        }
        int bx = x + geo.barX();
        int bw = geo.barWidth();
        g.setColor(CellBackdrop.TRACK); // the trough, so the pixel between L and R shows
        g.fillRect(bx, top, bw, geo.barHeight());
        for (int c = 0; c < bars.size(); c++) {
            ChannelBar bar = bars.get(c);
            int row = top + c * (h + 1);
            g.setColor(colour);
            g.fillRect(bx, row, LevelScale.x(bar.peak(), bw), h);
            if (!Double.isNaN(bar.hold())) {
                g.setColor(LevelScale.colorOf(bar.hold()));
                g.fillRect(bx + Math.min(LevelScale.x(bar.hold(), bw), bw - 2), row, 2, h);
            }
        }
    }

    /** A lit clip indicator (the unlit ones are in the backdrop). */
    private static void led(Graphics2D g, OverviewGeometry geo, int x, int top) {
        g.setColor(StagingColors.CLIPPING);
        g.fillRect(x + geo.ledX(), top, geo.ledWidth(), geo.barHeight() + geo.lineHeight() - 2);
    }
}
