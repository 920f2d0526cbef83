package dev.gainstage.panel.overview;

/**
 * Where the overview draws things, in pixels: the name column, the cells (as wide as the window
 * allows, between {@link #MIN_CELL_EM} and {@link #MAX_CELL_EM} font sizes) and, inside each cell,
 * the name line, the input bar and its readout, the output bar and its readout, and the clip
 * indicators right of the bars. Derived from the font, so the panel scales on HiDPI screens; one
 * instance serves painting, hit testing and the scale above the columns.
 */
public record OverviewGeometry(
        int nameWidth, int cellWidth, int cells, int rowHeight, int lineHeight, int barHeight, int pad, int ledWidth) {
    static final float MIN_CELL_EM = 7.5f;
    static final float MAX_CELL_EM = 30f;
    static final float MIN_NAME_EM = 5f;
    static final float MAX_NAME_EM = 10f;
    /** Space between cells, and between the last cell and the edge. */
    static final int GAP = 4;

    /**
     * The layout for a component {@code width} pixels wide showing chains of up to {@code cells}
     * stages; {@code nameNeeded} is the widest strip label, {@code smallLineHeight} the line height of
     * the cells' smaller font.
     */
    public static OverviewGeometry of(int width, float fontSize, int nameNeeded, int cells, int smallLineHeight) {
        int name = Math.round(Math.max(MIN_NAME_EM * fontSize, Math.min(MAX_NAME_EM * fontSize, nameNeeded + 12)));
        int n = Math.max(1, cells);
        int min = Math.round(MIN_CELL_EM * fontSize);
        int max = Math.round(MAX_CELL_EM * fontSize);
        int cell = Math.max(min, Math.min(max, (width - name - GAP) / n));
        int bar = Math.max(4, Math.round(fontSize * 0.4f));
        int pad = 3;
        int row = 2 + pad + smallLineHeight + 2 * (bar + smallLineHeight) + 2 + 2;
        return new OverviewGeometry(
                name, cell, n, row, smallLineHeight, bar, pad, Math.max(6, Math.round(fontSize * 0.5f)));
    }

    /** The width the overview needs at the smallest cells: wider than the viewport means scrolling. */
    public int minimumWidth(float fontSize) {
        return nameWidth + cells * Math.round(MIN_CELL_EM * fontSize) + GAP;
    }

    public int cellX(int column) {
        return nameWidth + column * cellWidth;
    }

    /** The column under x, or -1 in the name column. */
    public int columnAt(int x) {
        return x < nameWidth ? -1 : (x - nameWidth) / cellWidth;
    }

    /** The cell's box, relative to the cell's left edge. */
    public int boxWidth() {
        return cellWidth - GAP;
    }

    /** The bars' start, relative to the cell's left edge. */
    public int barX() {
        return pad + 1;
    }

    public int barWidth() {
        return boxWidth() - 2 * pad - 2 - ledWidth - pad;
    }

    /** The clip indicators' left edge, relative to the cell's left edge. */
    public int ledX() {
        return barX() + barWidth() + pad;
    }

    /** Top of the name line, relative to the row's top. */
    public int nameY() {
        return 2 + pad;
    }

    /** Top of the input bar; its readout line follows it. */
    public int inBarY() {
        return nameY() + lineHeight;
    }

    /** Top of the output bar; its readout line follows it. */
    public int outBarY() {
        return inBarY() + barHeight + lineHeight + 2;
    }

    /** Whether a point of a cell (relative to its left edge and its row's top) is on a clip indicator. */
    public boolean onLed(int x, int y) {
        return x >= ledX() && x < ledX() + ledWidth && y >= inBarY() && y < outBarY() + barHeight + lineHeight;
    }
}
