package dev.gainstage.engine.cli.html;

import dev.gainstage.engine.report.DbAxis;
import dev.gainstage.engine.report.Html;
import dev.gainstage.engine.report.Svg;
import dev.gainstage.engine.report.TimeAxis;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;
import dev.gainstage.proto.v1.MasterLoudness;
import java.util.Locale;

/**
 * The master's programme against the delivery target: its short-term loudness over session audio time (the view's
 * once-a-second history) with the target's loudness line and tolerance band labelled, and the integrated loudness,
 * loudness range and true peak as numbers, each against the target.
 */
final class MasterLoudnessSection implements ReportSection {
    static final int WIDTH = 760;
    static final int HEIGHT = 240;
    static final int LEFT = 58;
    /** Room right of the plot for the target's labels ("−14 LUFS Streaming"). */
    static final int RIGHT = 150;

    static final int TOP = 12;
    static final int BOTTOM = 40;
    private static final double TICK_DB = 12;

    static final String CSS = """
            .target{stroke:#276b2b;stroke-width:1.5;stroke-dasharray:6 3}.target-band{fill:#3a9a48;fill-opacity:.15}
            .chart .target-label{fill:#276b2b}
            """;

    @Override
    public String title() {
        return "Master loudness";
    }

    @Override
    public void append(SessionReport report, StringBuilder html) {
        if (!report.view().hasMaster()) {
            html.append("<p class=\"muted\">The session has no master: no programme loudness to show.</p>");
            return;
        }
        MasterLoudness m = report.view().getMaster();
        DeliveryTargetView target = m.getTarget();
        if (target.getPreset() == DeliveryPreset.DELIVERY_PRESET_NONE) {
            html.append("<p class=\"muted\">No delivery target chosen: the master is measured, not judged.</p>");
        } else {
            html.append("<p>Delivery target: <b>")
                    .append(Html.escape(target.getDescription().isEmpty() ? target.getName() : target.getDescription()))
                    .append("</b></p>");
        }
        if (m.getHistoryShortTermLufsCount() == 0) {
            html.append("<p class=\"muted\">No short-term loudness measured yet.</p>");
        } else {
            html.append(chart(m));
        }
        html.append(figures(m));
    }

    /** The chart of the master's short-term loudness history, with the target's line and band when it has one. */
    static String chart(MasterLoudness m) {
        DeliveryTargetView target = m.getTarget();
        int n = m.getHistoryShortTermLufsCount();
        double step = m.getHistoryStepSeconds() > 0 ? m.getHistoryStepSeconds() : 1;
        double end = m.getHistoryEndSeconds();
        double start = end - (n - 1) * step;
        TimeAxis time = new TimeAxis(Math.max(0, start - (n == 1 ? step : 0)), Math.max(end, start + step));
        double highest = target.hasLoudnessLufs() ? target.getLoudnessLufs() + target.getToleranceLu() : -60;
        for (double v : m.getHistoryShortTermLufsList()) {
            highest = Double.isFinite(v) ? Math.max(highest, v) : highest;
        }
        DbAxis axis = DbAxis.covering(highest);
        double right = WIDTH - RIGHT;
        Svg svg = new Svg(WIDTH, HEIGHT, "chart", "short-term loudness of the master");
        for (double db : axis.ticks(TICK_DB)) {
            double y = y(axis, db);
            svg.line(LEFT, y, right, y, "grid");
            svg.text(LEFT - 6, y + 4, "end", "tick", DbAxis.label(db));
        }
        if (target.hasLoudnessLufs()) {
            double lufs = target.getLoudnessLufs();
            double tol = target.getToleranceLu();
            double top = y(axis, lufs + tol);
            svg.rect(LEFT, top, right - LEFT, y(axis, lufs - tol) - top, "target-band");
            svg.line(LEFT, y(axis, lufs), right, y(axis, lufs), "target");
            svg.text(right + 4, y(axis, lufs) + 4, "start", "target-label", targetLabel(target));
            svg.text(right + 4, y(axis, lufs) + 15, "start", "target-label", "band ±" + unsigned(tol) + " LU");
        }
        svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis");
        svg.line(LEFT, HEIGHT - BOTTOM, right, HEIGHT - BOTTOM, "axis");
        for (double t : time.ticks(8)) {
            double x = time.position(t, LEFT, right);
            svg.line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4, "axis");
            svg.text(x, HEIGHT - BOTTOM + 15, "middle", "tick", TimeAxis.label(t));
        }
        svg.text((LEFT + right) / 2, HEIGHT - 6, "middle", "axis-title", "session audio time (m:ss)");
        svg.verticalText(14, (TOP + HEIGHT - BOTTOM) / 2.0, "axis-title", "short-term loudness (LUFS)");
        svg.trace(
                n,
                i -> time.position(start + i * step, LEFT, right),
                i -> {
                    double v = m.getHistoryShortTermLufs(i);
                    return Double.isNaN(v) ? Double.NaN : y(axis, v);
                },
                "loudness");
        return svg.toString();
    }

    /** "−14 LUFS Streaming": the target's loudness and its name. */
    static String targetLabel(DeliveryTargetView target) {
        return DbAxis.label(target.getLoudnessLufs()) + " LUFS " + target.getName();
    }

    /** The programme's numbers, each against the target where it sets one. */
    static String figures(MasterLoudness m) {
        DeliveryTargetView target = m.getTarget();
        StringBuilder t = new StringBuilder("<table class=\"master-figures\"><tr><th>measure</th><th>value</th>"
                + "<th>against the target</th></tr>");
        String integrated = "";
        if (m.hasIntegratedLufs() && target.hasLoudnessLufs()) {
            double off = m.getIntegratedLufs() - target.getLoudnessLufs();
            integrated = Math.abs(off) <= target.getToleranceLu() + 1e-9
                    ? ok("within ±" + unsigned(target.getToleranceLu()) + " LU of " + targetLoudness(target))
                    : bad(String.format(Locale.ROOT, "%.1f LU %s ", Math.abs(off), off < 0 ? "below" : "above")
                            + targetLoudness(target));
        }
        row(
                t,
                "integrated loudness",
                m.hasIntegratedLufs() ? DbAxis.label(m.getIntegratedLufs()) + " LUFS" : "",
                integrated);
        row(t, "loudness range", m.hasLoudnessRangeLu() ? unsigned(m.getLoudnessRangeLu()) + " LU" : "", "");
        String truePeak = "";
        if (m.hasTruePeakDbtp() && target.hasTruePeakCeilingDbtp()) {
            double over = m.getTruePeakDbtp() - target.getTruePeakCeilingDbtp();
            String ceiling = DbAxis.label(target.getTruePeakCeilingDbtp()) + " dBTP ceiling";
            truePeak = over <= 1e-9
                    ? ok("under the " + ceiling)
                    : bad(String.format(Locale.ROOT, "%.1f dB over the ", over) + ceiling);
        }
        row(t, "true peak (max)", m.hasTruePeakDbtp() ? DbAxis.label(m.getTruePeakDbtp()) + " dBTP" : "", truePeak);
        String samplePeak = "";
        if (m.hasSamplePeakDbfs() && target.hasPeakMinDbfs() && target.hasPeakMaxDbfs()) {
            double p = m.getSamplePeakDbfs();
            String window = "between " + DbAxis.label(target.getPeakMinDbfs()) + " and "
                    + DbAxis.label(target.getPeakMaxDbfs()) + " dBFS";
            samplePeak =
                    p >= target.getPeakMinDbfs() && p <= target.getPeakMaxDbfs() ? ok(window) : bad("not " + window);
        }
        row(
                t,
                "sample peak (max)",
                m.hasSamplePeakDbfs() ? DbAxis.label(m.getSamplePeakDbfs()) + " dBFS" : "",
                samplePeak);
        t.append("</table><p class=\"muted\">")
                .append(String.format(Locale.ROOT, "over %s of audio", TimeAxis.label(m.getMeasuredSeconds())))
                .append(" since the measurement (re)started</p>");
        return t.toString();
    }

    /** A width in LU ("1", "6.1"): no sign, one decimal when it has one. */
    static String unsigned(double lu) {
        return DbAxis.label(Math.abs(lu)).replace("+", "");
    }

    private static String targetLoudness(DeliveryTargetView target) {
        return DbAxis.label(target.getLoudnessLufs()) + " LUFS";
    }

    private static void row(StringBuilder t, String measure, String value, String verdict) {
        t.append("<tr><td>")
                .append(measure)
                .append("</td><td>")
                .append(value.isEmpty() ? "<span class=\"muted\">not measured yet</span>" : Html.escape(value))
                .append("</td><td>")
                .append(verdict)
                .append("</td></tr>");
    }

    private static String ok(String text) {
        return "<span class=\"ok\">" + Html.escape(text) + "</span>";
    }

    private static String bad(String text) {
        return "<span class=\"bad\">" + Html.escape(text) + "</span>";
    }

    private static double y(DbAxis axis, double db) {
        return axis.position(db, TOP, HEIGHT - BOTTOM);
    }
}
