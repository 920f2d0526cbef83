package dev.gainstage.panel.overview;

import dev.gainstage.panel.LevelScale;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What every cell of a width looks alike in: its box, the bars' empty tracks with the scale's tick
 * lines, the unlit clip indicators. Drawn once into an image per geometry and copied into each cell,
 * so a frame of 64 strips x 6 stages costs one image copy per cell instead of some twenty shapes.
 * EDT only.
 */
final class CellBackdrop {
    static final Color CELL = new Color(0x26, 0x28, 0x2B);
    static final Color TRACK = new Color(0x1A, 0x1B, 0x1D);
    /** Opaque (no blending per frame): a faint line, and the brighter 0 dBFS line. */
    static final Color TICK_LINE = new Color(0x3A, 0x3B, 0x3D);

    static final Color ZERO_LINE = new Color(0x80, 0x80, 0x82);
    static final Color LED_OFF = new Color(0x33, 0x35, 0x38);

    private OverviewGeometry geometry;
    private List<LevelScale.Tick> ticks;
    private BufferedImage withInput;
    private BufferedImage outputOnly;

    /** The backdrop of a cell with or without an input meter, drawn again only when the layout changed. */
    BufferedImage of(OverviewGeometry geo, List<LevelScale.Tick> tickList, boolean hasInput, GraphicsConfiguration gc) {
        if (!geo.equals(geometry) || !tickList.equals(ticks) || withInput == null) {
            geometry = geo;
            ticks = tickList;
            withInput = draw(geo, tickList, true, gc);
            outputOnly = draw(geo, tickList, false, gc);
        }
        return hasInput ? withInput : outputOnly;
    }

    private static BufferedImage draw(
            OverviewGeometry geo, List<LevelScale.Tick> ticks, boolean hasInput, GraphicsConfiguration gc) {
        int w = geo.boxWidth() + 1;
        int h = geo.rowHeight() - 3;
        BufferedImage img = gc != null
                ? gc.createCompatibleImage(w, h, Transparency.TRANSLUCENT)
                : new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(CELL);
        g.fillRoundRect(0, 0, geo.boxWidth(), h - 1, 6, 6);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        if (hasInput) {
            track(g, geo, ticks, geo.inBarY() - 2);
        }
        track(g, geo, ticks, geo.outBarY() - 2);
        g.dispose();
        return img;
    }

    /** An empty bar with its tick lines and its unlit clip indicator, {@code top} from the image's top. */
    private static void track(Graphics2D g, OverviewGeometry geo, List<LevelScale.Tick> ticks, int top) {
        int bx = geo.barX();
        int bw = geo.barWidth();
        int bh = geo.barHeight();
        g.setColor(TRACK);
        g.fillRect(bx, top, bw, bh);
        for (LevelScale.Tick t : ticks) {
            g.setColor(t.db() == 0 ? ZERO_LINE : TICK_LINE);
            g.drawLine(bx + t.x(), top, bx + t.x(), top + bh - 1);
        }
        g.setColor(LED_OFF);
        g.fillRect(geo.ledX(), top, geo.ledWidth(), bh + geo.lineHeight() - 2);
    }
}
