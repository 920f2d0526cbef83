package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.report.DbAxis;
import dev.gainstage.engine.report.Html;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.Severity;
import java.util.List;
import java.util.Map;

/**
 * The {@code analyze --html} report: one self-contained HTML file (inline CSS and SVG, no scripts,
 * fonts or external URLs) with the figures of every stem and the sum, the staging findings, and a
 * loudness/peak chart per track, all on one dB axis.
 */
final class HtmlReport {
    private HtmlReport() {}

    static String render(
            MixAnalysis.Result result, Map<String, List<Finding>> findings, Map<String, NotJudged> notJudged) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>gainstage analyze: ").append(result.stems().size()).append(" stems and their sum</h1>");
        h.append("<table><tr><th>track</th><th>peak dBFS</th><th>true peak dBTP</th><th>integrated LUFS</th>")
                .append("<th>LRA LU</th><th>max S LUFS</th><th>RMS dBFS</th><th>crest dB</th><th>noise floor dBFS</th>")
                .append("<th>clipped</th></tr>");
        for (TrackAnalysis t : tracks(result)) {
            MeterReading r = t.reading();
            h.append("<tr><td>").append(escape(t.name())).append("</td>");
            for (double v : new double[] {
                r.maxSamplePeakDbfs(),
                r.maxTruePeakDbtp(),
                r.integratedLufs(),
                r.loudnessRangeLu(),
                r.maxShortTermLufs(),
                r.overallRmsDbfs(),
                r.crestFactorDb(),
                r.noiseFloorDbfs()
            }) {
                h.append("<td>").append(Table.fixed(v, 1)).append("</td>");
            }
            h.append("<td>").append(r.clippedSamples()).append("</td></tr>");
        }
        h.append("</table>");
        if (!result.unread().isEmpty() || !result.sumNotes().isEmpty()) {
            h.append("<h2>Stems</h2><ul class=\"findings\">");
            for (MixAnalysis.Unread u : result.unread()) {
                h.append("<li class=\"bad\">not read: ")
                        .append(escape(u.describe()))
                        .append("</li>");
            }
            for (MixAnalysis.SumNote n : result.sumNotes().values()) {
                h.append("<li class=\"")
                        .append(n.inSum() ? "ok" : "warn")
                        .append("\">")
                        .append(escape(n.text()))
                        .append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>Findings</h2><ul class=\"findings\">");
        int count = 0;
        for (TrackAnalysis t : tracks(result)) {
            for (Finding f : findings.getOrDefault(t.name(), List.of())) {
                String css = f.severity() == Severity.CRITICAL ? "bad" : "warn";
                h.append("<li class=\"")
                        .append(css)
                        .append("\">")
                        .append(escape(f.describe()))
                        .append("</li>");
                count++;
            }
        }
        if (count == 0) {
            h.append("<li class=\"ok\">No staging problems found.</li>");
        }
        notJudged.forEach(
                (track, n) -> h.append("<li>").append(escape(n.describe(track))).append("</li>"));
        h.append("</ul>");
        h.append("<p class=\"legend\"><span style=\"background:#1f5fbf\"></span>short-term loudness (LUFS)")
                .append("<span style=\"background:#e08a00\"></span>sample peak (dBFS)")
                .append("<span style=\"background:#b00020\"></span>thresholds</p>");
        DbAxis axis = SvgLevelChart.sharedAxis(
                tracks(result).stream().map(TrackAnalysis::series).toList());
        RuleConfig rules = StagingFindings.RULES;
        List<SvgLevelChart.Guide> stemGuides = List.of(
                new SvgLevelChart.Guide(rules.sourceHotPeakDbfs(), "hot"),
                new SvgLevelChart.Guide(rules.sourceQuietPeakDbfs(), "quiet"));
        List<SvgLevelChart.Guide> sumGuides = List.of(
                new SvgLevelChart.Guide(rules.masterPeakDbfs(), "over"),
                new SvgLevelChart.Guide(rules.masterHeadroomPeakDbfs(), "headroom"));
        for (TrackAnalysis t : result.stems()) {
            h.append("<h2>").append(escape(t.name())).append("</h2>");
            h.append(SvgLevelChart.render(t.name(), t.series(), axis, stemGuides));
        }
        h.append("<h2>sum</h2>");
        h.append(SvgLevelChart.render("sum", result.sum().series(), axis, sumGuides));
        return Html.page("gainstage analyze", "", h.toString());
    }

    private static List<TrackAnalysis> tracks(MixAnalysis.Result result) {
        List<TrackAnalysis> all = new java.util.ArrayList<>(result.stems());
        all.add(result.sum());
        return all;
    }

    private static String escape(String s) {
        return Html.escape(s);
    }
}
