package dev.gainstage.engine.cli.html;

import dev.gainstage.client.TimelinePosition;
import dev.gainstage.engine.report.Html;
import dev.gainstage.engine.report.Svg;
import dev.gainstage.engine.report.TimeAxis;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.WarningSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When each warning was on, on the DAW's session time (the transport position, from the sidecar's history): one
 * lane per warning, labelled in words (its title and strip ▸ stage), a bar per span from raised to cleared, or to
 * now while still open; then the spans as a table.
 */
final class TimelineSection implements ReportSection {
    static final int WIDTH = 760;
    static final int LABEL_RIGHT = 330;
    static final int PLOT_LEFT = 340;
    static final int PLOT_RIGHT = 740;
    static final int LANE = 20;
    static final int TOP = 8;
    static final int BOTTOM = 36;
    /** What fits left of the plot in the lanes' 11 px text, the "· open" included. */
    private static final int LABEL_CHARS = 52;
    /** The title's share a long strip ▸ stage leaves it. */
    private static final int MIN_TITLE = 16;

    static final String CSS = """
            .sev-critical{fill:#b00020}.sev-warning{fill:#e08a00}.sev-info{fill:#8aa1c9}
            .open{stroke:#111;stroke-width:1;stroke-dasharray:3 2}.chart .lane{font-size:11px;fill:#222}
            """;

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public void append(SessionReport report, StringBuilder html) {
        SessionHistoryView history = report.history();
        if (history.getWarningsCount() == 0) {
            html.append("<p class=\"ok\">No warning was raised in the history kept.</p>");
            return;
        }
        html.append("<p class=\"legend\">one lane per warning, on the DAW's session time: a bar from raised to"
                + " cleared (red critical, orange warning, blue info); a dashed outline is still open</p>");
        html.append(chart(history));
        html.append(table(history));
    }

    /** The warnings' spans by warning, in the order they were first raised. */
    static Map<String, List<WarningSpan>> lanes(SessionHistoryView history) {
        Map<String, List<WarningSpan>> lanes = new LinkedHashMap<>();
        for (WarningSpan s : history.getWarningsList()) {
            lanes.computeIfAbsent(s.getWarningId(), id -> new ArrayList<>()).add(s);
        }
        return lanes;
    }

    static String chart(SessionHistoryView history) {
        Map<String, List<WarningSpan>> lanes = lanes(history);
        TimeAxis time = axis(history);
        int height = TOP + LANE * lanes.size() + BOTTOM;
        double bottom = height - BOTTOM;
        Svg svg = new Svg(WIDTH, height, "chart", "warnings timeline");
        List<Double> ticks = time.ticks(8);
        for (double t : ticks) {
            double x = x(time, t);
            svg.line(x, TOP, x, bottom + 4, "grid");
            svg.text(x, bottom + 15, "middle", "tick", TimeAxis.label(t));
        }
        svg.line(PLOT_LEFT, bottom, PLOT_RIGHT, bottom, "axis");
        svg.text((PLOT_LEFT + PLOT_RIGHT) / 2.0, height - 6, "middle", "axis-title", "DAW session time (m:ss)");
        int lane = 0;
        for (List<WarningSpan> spans : lanes.values()) {
            double top = TOP + lane * LANE;
            boolean open = false;
            for (WarningSpan s : spans) {
                double from = x(time, s.getRaisedSeconds());
                double to = x(time, s.hasClearedSeconds() ? s.getClearedSeconds() : history.getNowSeconds());
                String css = severity(s) + (s.hasClearedSeconds() ? "" : " open");
                svg.rect(from, top + 4, Math.max(2, to - from), LANE - 8, css);
                open |= !s.hasClearedSeconds();
            }
            svg.text(LABEL_RIGHT, top + LANE / 2.0 + 4, "end", "lane", laneLabel(spans.getFirst(), open));
            lane++;
        }
        return svg.toString();
    }

    /** "plugin output too hot: Bass ▸ Tube Saturator", shortened to fit with "· open" while it is. */
    static String laneLabel(WarningSpan s, boolean open) {
        String title = title(s);
        String place = s.getStripName() + " ▸ " + s.getStageName();
        String suffix = open ? " · open" : "";
        // the place is what tells lanes apart: the title gives way first, down to a few words
        int room = LABEL_CHARS - suffix.length() - 2;
        String shortPlace = clip(place, room - Math.min(title.length(), MIN_TITLE));
        return clip(title, room - shortPlace.length()) + ": " + shortPlace + suffix;
    }

    private static String title(WarningSpan s) {
        return s.getTitle().isEmpty() ? s.getRule().name() : s.getTitle();
    }

    private static String clip(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, Math.max(0, chars - 1)) + "…";
    }

    /** From the earliest raise (whole seconds) to now or the latest clear, at least a second. */
    static TimeAxis axis(SessionHistoryView history) {
        double from = Double.POSITIVE_INFINITY;
        double to = history.getNowSeconds();
        for (WarningSpan s : history.getWarningsList()) {
            from = Math.min(from, s.getRaisedSeconds());
            to = Math.max(to, Math.max(s.getUpdatedSeconds(), s.getClearedSeconds()));
        }
        from = Math.floor(Math.max(0, from));
        return new TimeAxis(from, Math.max(to, from + 1));
    }

    private static String table(SessionHistoryView history) {
        StringBuilder t = new StringBuilder(
                "<table class=\"spans\"><tr><th>warning</th><th>raised</th>" + "<th>cleared</th><th>worst</th></tr>");
        for (WarningSpan s : history.getWarningsList()) {
            t.append("<tr><td>")
                    .append(Html.escape(title(s) + ": " + s.getStripName() + " ▸ " + s.getStageName()))
                    .append("</td><td>")
                    .append(TimelinePosition.format(s.getRaisedSeconds()))
                    .append("</td><td>")
                    .append(s.hasClearedSeconds() ? TimelinePosition.format(s.getClearedSeconds()) : "still open")
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f %s", s.getPeakMeasured(), Html.escape(s.getUnit())))
                    .append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    private static double x(TimeAxis time, double seconds) {
        return time.position(seconds, PLOT_LEFT, PLOT_RIGHT);
    }

    private static String severity(WarningSpan s) {
        return switch (s.getSeverity()) {
            case SEVERITY_CRITICAL -> "sev-critical";
            case SEVERITY_WARNING -> "sev-warning";
            default -> "sev-info";
        };
    }
}
