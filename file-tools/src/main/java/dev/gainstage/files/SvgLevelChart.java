package dev.gainstage.files;

import java.util.Locale;

/**
 * An inline SVG chart of one track's short-term loudness and sample peak over time, with dashed
 * guide lines at the thresholds that matter for the track. Self-contained: no fonts, scripts or
 * URLs; the HTML report embeds it as is.
 */
final class SvgLevelChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final double FLOOR_DB = -60;

    private SvgLevelChart() {}

    /** @param guidesDb levels to mark with dashed lines (e.g. -6 and -18 for a source) */
    static String render(LevelSeries s, double[] guidesDb) {
        double top = 0;
        for (int i = 0; i < s.size(); i++) {
            top = Math.max(top, Math.max(finiteOr(s.peakDbfs(i)), finiteOr(s.shortTermLufs(i))));
        }
        top = Math.ceil(top / 6) * 6;
        double seconds = Math.max(s.intervalSeconds(), s.size() * s.intervalSeconds());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\">");
        for (double db = top; db >= FLOOR_DB; db -= 12) {
            double y = y(db, top);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "grid"));
            svg.append(text(LEFT - 6, y + 4, "end", fmt(db, 0)));
        }
        for (double g : guidesDb) {
            if (g <= top && g >= FLOOR_DB) {
                svg.append(line(LEFT, y(g, top), WIDTH - RIGHT, y(g, top), "guide"));
            }
        }
        double step = niceStep(seconds / 8);
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            double x = x(t, seconds);
            svg.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "axis"));
            svg.append(text(x, HEIGHT - 8, "middle", clock(t)));
        }
        svg.append(polyline(s, seconds, top, true, "peak"));
        svg.append(polyline(s, seconds, top, false, "loudness"));
        svg.append("</svg>");
        return svg.toString();
    }

    /** One polyline per unbroken run of measurable points; NaN (silence, or before 3 s) leaves a gap. */
    private static String polyline(LevelSeries s, double seconds, double top, boolean peak, String css) {
        StringBuilder out = new StringBuilder();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= s.size(); i++) {
            double v = i < s.size() ? (peak ? s.peakDbfs(i) : s.shortTermLufs(i)) : Double.NaN;
            if (Double.isFinite(v)) {
                points.append(fmt(x(s.seconds(i), seconds), 1))
                        .append(',')
                        .append(fmt(y(Math.max(v, FLOOR_DB), top), 1))
                        .append(' ');
            } else if (points.length() > 0) {
                out.append("<polyline class=\"")
                        .append(css)
                        .append("\" points=\"")
                        .append(points.toString().trim())
                        .append("\"/>");
                points.setLength(0);
            }
        }
        return out.toString();
    }

    private static double x(double t, double seconds) {
        return LEFT + (WIDTH - LEFT - RIGHT) * t / seconds;
    }

    private static double y(double db, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (top - db) / (top - FLOOR_DB);
    }

    private static double finiteOr(double v) {
        return Double.isFinite(v) ? v : FLOOR_DB;
    }

    private static double niceStep(double raw) {
        for (double s : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600}) {
            if (s >= raw) {
                return s;
            }
        }
        return 7200;
    }

    private static String clock(double t) {
        long s = Math.round(t);
        return s >= 60 ? (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60) : s + "s";
    }

    private static String line(double x1, double y1, double x2, double y2, String css) {
        return "<line class=\"" + css + "\" x1=\"" + fmt(x1, 1) + "\" y1=\"" + fmt(y1, 1) + "\" x2=\"" + fmt(x2, 1)
                + "\" y2=\"" + fmt(y2, 1) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + fmt(x, 1) + "\" y=\"" + fmt(y, 1) + "\" text-anchor=\"" + anchor + "\">" + s + "</text>";
    }

    private static String fmt(double v, int decimals) {
        return JsonObject.number(v, decimals);
    }
}
