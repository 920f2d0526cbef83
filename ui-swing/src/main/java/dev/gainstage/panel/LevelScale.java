package dev.gainstage.panel;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Maps dBFS to a position along a bar and a colour: the same scale everywhere in the panel. The
 * mapping is piecewise linear in dB with the slopes of the IEC 60268-18 meter scale that DAW meters
 * use, so the top of the range, where staging decisions are made, gets most of the bar: −12 and −6
 * dBFS are 13 % of the bar apart, −60 to −40 only 11 %.
 */
public final class LevelScale {
    public static final double FLOOR_DB = -60.0;
    public static final double CEILING_DB = 6.0;

    /** Knots of the mapping: dB and the position (in arbitrary units) at that dB. */
    private static final double[] KNOT_DB = {-60, -50, -40, -30, -20, 6};

    private static final double[] KNOT_POS = {0, 5, 12.5, 27.5, 47.5, 112.5};

    /** The labels a scale offers, the most useful first: a narrow bar shows only the first few. */
    private static final double[] TICK_PRIORITY = {0, -6, -12, -20, -40, -3, -30, -9, -50, -60, 6};

    /** A labelled tick: its dB, its text, its position and its label's left edge from the bar's start, in pixels. */
    public record Tick(double db, String label, int x, int labelX) {}

    private LevelScale() {}

    /** 0..1 along the bar; NaN (no signal) is 0. */
    public static double fraction(double db) {
        if (Double.isNaN(db) || db <= FLOOR_DB) {
            return 0;
        }
        if (db >= CEILING_DB) {
            return 1;
        }
        int i = 1;
        while (db > KNOT_DB[i]) {
            i++;
        }
        double t = (db - KNOT_DB[i - 1]) / (KNOT_DB[i] - KNOT_DB[i - 1]);
        return (KNOT_POS[i - 1] + t * (KNOT_POS[i] - KNOT_POS[i - 1])) / KNOT_POS[KNOT_POS.length - 1];
    }

    /** The pixel offset of a level on a bar {@code width} pixels long. */
    public static int x(double db, int width) {
        return (int) Math.round(width * fraction(db));
    }

    /**
     * The labelled ticks that fit on a bar {@code width} pixels long without touching: the most useful
     * first (0, −6, −12, −20, …), each kept only if its label clears the ones already placed by
     * {@code gap} pixels and lies within the bar. Sorted by position.
     */
    public static List<Tick> ticks(int width, ToIntFunction<String> textWidth, int gap) {
        List<Tick> placed = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (double db : TICK_PRIORITY) {
            String label = db > 0 ? "+" + (int) db : Integer.toString((int) db);
            int x = x(db, width);
            int w = textWidth.applyAsInt(label);
            int from = Math.max(0, Math.min(width - w, x - w / 2));
            int to = from + w;
            boolean free = w <= width;
            for (int[] s : spans) {
                if (from < s[1] + gap && to + gap > s[0]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                spans.add(new int[] {from, to});
                placed.add(new Tick(db, label, x, from));
            }
        }
        placed.sort((a, b) -> Integer.compare(a.x(), b.x()));
        return List.copyOf(placed);
    }

    /** Green in range, amber from -6 dBFS, red above 0 dBFS, grey without signal. */
    public static Color colorOf(double db) {
        if (Double.isNaN(db)) {
            return StagingColors.NO_SIGNAL;
        }
        if (db > 0) {
            return StagingColors.CLIPPING;
        }
        return db > -6 ? StagingColors.HOT : StagingColors.IN_RANGE;
    }
}
