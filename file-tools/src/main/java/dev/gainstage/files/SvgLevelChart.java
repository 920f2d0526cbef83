package dev.gainstage.files;

import dev.gainstage.engine.report.DbAxis;
import dev.gainstage.engine.report.Svg;
import dev.gainstage.engine.report.TimeAxis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An inline SVG chart of one track's short-term loudness and sample peak over time, on a dB axis the caller gives
 * (the report gives every track the same one), with a labelled 0 dBFS line, labelled dashed lines at the
 * thresholds that matter for the track, and titled axes. A level below the axis's floor, silence included, is drawn
 * along the floor; only a point with no measurement (the first 3 s of short-term loudness, or after a stem ended)
 * leaves a gap.
 */
final class SvgLevelChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 240;
    static final int LEFT = 58;
    /** Room for the threshold labels ("−3 dBFS headroom") right of the plot. */
    static final int RIGHT = 116;

    private static final int TOP = 12;
    static final int BOTTOM = 40;
    private static final double TICK_DB = 12;
    /** The height of a line of the labels' 10 px text, with a little air. */
    private static final double LABEL_LINE = 11;

    /** A threshold line: its level and what crossing it means ("hot", "quiet"). */
    record Guide(double db, String meaning) {}

    private record Label(double db, String css, String text) {}

    private SvgLevelChart() {}

    /** The axis that shows every track of {@code series} whole: up to the loudest point, never below 0 dBFS. */
    static DbAxis sharedAxis(List<LevelSeries> series) {
        double top = Double.NEGATIVE_INFINITY;
        for (LevelSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                top = Math.max(top, Math.max(finiteOr(s.peakDbfs(i)), finiteOr(s.shortTermLufs(i))));
            }
        }
        return DbAxis.covering(top);
    }

    static String render(String track, LevelSeries s, DbAxis axis, List<Guide> guides) {
        double seconds = Math.max(s.intervalSeconds(), s.size() * s.intervalSeconds());
        Svg svg = new Svg(WIDTH, HEIGHT, "chart", "levels of " + track);
        double right = WIDTH - RIGHT;
        for (double db : axis.ticks(TICK_DB)) {
            double y = y(axis, db);
            svg.line(LEFT, y, right, y, db == 0 ? "zero" : "grid");
            svg.text(LEFT - 6, y + 4, "end", "tick", DbAxis.label(db));
        }
        String zero = "0 dBFS";
        List<Label> labels = new ArrayList<>();
        for (Guide g : guides) {
            if (g.db() == 0) {
                zero += " " + g.meaning(); // the 0 dBFS line is that threshold's line too
            } else if (g.db() <= axis.topDb() && g.db() >= axis.floorDb()) {
                svg.line(LEFT, y(axis, g.db()), right, y(axis, g.db()), "guide");
                labels.add(new Label(g.db(), "guide-label", DbAxis.label(g.db()) + " dBFS " + g.meaning()));
            }
        }
        if (axis.topDb() >= 0) {
            labels.add(new Label(0, "zero-label", zero));
        }
        // top to bottom, each label at least a line below the one above it, so lines 3 dB apart stay readable
        labels.sort(Comparator.comparingDouble(Label::db).reversed());
        double above = Double.NEGATIVE_INFINITY;
        for (Label l : labels) {
            double y = Math.max(y(axis, l.db()) + 4, above + LABEL_LINE);
            svg.text(right + 4, y, "start", l.css(), l.text());
            above = y;
        }
        svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis");
        svg.line(LEFT, HEIGHT - BOTTOM, right, HEIGHT - BOTTOM, "axis");
        for (double t : new TimeAxis(0, seconds).ticks(8)) {
            double x = x(t, seconds);
            svg.line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "axis");
            svg.text(x, HEIGHT - BOTTOM + 15, "middle", "tick", TimeAxis.label(t));
        }
        svg.text((LEFT + right) / 2, HEIGHT - 6, "middle", "axis-title", "time (m:ss)");
        svg.verticalText(14, (TOP + HEIGHT - BOTTOM) / 2.0, "axis-title", "level (dBFS, LUFS)");
        polylines(svg, s, seconds, axis, true, "peak");
        polylines(svg, s, seconds, axis, false, "loudness");
        return svg.toString();
    }

    /** One polyline per unbroken run of measured points; NaN (not measured) leaves a gap, −∞ lies on the floor. */
    private static void polylines(Svg svg, LevelSeries s, double seconds, DbAxis axis, boolean peak, String css) {
        svg.trace(
                s.size(),
                i -> x(s.seconds(i), seconds),
                i -> {
                    double v = peak ? s.peakDbfs(i) : s.shortTermLufs(i);
                    return Double.isNaN(v) ? Double.NaN : y(axis, v);
                },
                css);
    }

    private static double x(double t, double seconds) {
        return LEFT + (WIDTH - LEFT - RIGHT) * t / seconds;
    }

    private static double y(DbAxis axis, double db) {
        return axis.position(db, TOP, HEIGHT - BOTTOM);
    }

    private static double finiteOr(double v) {
        return Double.isFinite(v) ? v : DbAxis.FLOOR_DB;
    }
}
