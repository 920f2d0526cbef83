package dev.gainstage.engine.report;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * An inline SVG picture built element by element: what the reports' charts are drawn with. Coordinates are
 * written with one decimal; text is escaped. The CSS classes are {@link Html#CSS}'s. Inline in HTML, so without an
 * XML namespace.
 */
public final class Svg {
    private final StringBuilder svg = new StringBuilder();

    /**
     * @param label what the picture shows, for readers that cannot see it (and for tests that look for a chart)
     */
    public Svg(int width, int height, String cssClass, String label) {
        svg.append("<svg class=\"")
                .append(cssClass)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append("\">");
    }

    public Svg line(double x1, double y1, double x2, double y2, String css) {
        open("line", css).at("x1", x1).at("y1", y1).at("x2", x2).at("y2", y2);
        svg.append("/>");
        return this;
    }

    public Svg rect(double x, double y, double width, double height, String css) {
        open("rect", css).at("x", x).at("y", y).at("width", Math.max(0, width)).at("height", Math.max(0, height));
        svg.append("/>");
        return this;
    }

    /** @param anchor "start", "middle" or "end" */
    public Svg text(double x, double y, String anchor, String css, String text) {
        open("text", css).at("x", x).at("y", y);
        svg.append(" text-anchor=\"").append(anchor).append("\">");
        svg.append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Text turned a quarter anticlockwise about its anchor: a vertical axis's title. */
    public Svg verticalText(double x, double y, String css, String text) {
        open("text", css).at("x", x).at("y", y);
        svg.append(" text-anchor=\"middle\" transform=\"rotate(-90 ")
                .append(num(x))
                .append(' ')
                .append(num(y))
                .append(")\">");
        svg.append(Html.escape(text)).append("</text>");
        return this;
    }

    /** @param points "x,y x,y ..." as {@link #point} writes them */
    public Svg polyline(CharSequence points, String css) {
        open("polyline", css);
        svg.append(" points=\"").append(points).append("\"/>");
        return this;
    }

    /**
     * A trace through {@code count} points: one polyline per unbroken run, a point whose {@code y} is NaN (nothing
     * measured there) leaving a gap.
     */
    public Svg trace(int count, IntToDoubleFunction x, IntToDoubleFunction y, String css) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= count; i++) {
            double py = i < count ? y.applyAsDouble(i) : Double.NaN;
            if (!Double.isNaN(py)) {
                point(points, x.applyAsDouble(i), py);
            } else if (points.length() > 0) {
                polyline(points.toString().trim(), css);
                points.setLength(0);
            }
        }
        return this;
    }

    /** One point of a {@link #polyline}, with its trailing space. */
    public static void point(StringBuilder points, double x, double y) {
        points.append(num(x)).append(',').append(num(y)).append(' ');
    }

    private Svg open(String element, String css) {
        svg.append('<').append(element).append(" class=\"").append(css).append('"');
        return this;
    }

    private Svg at(String attribute, double value) {
        svg.append(' ').append(attribute).append("=\"").append(num(value)).append('"');
        return this;
    }

    /** The finished element. */
    @Override
    public String toString() {
        return svg + "</svg>";
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.equals("-0") ? "0" : s;
    }
}
