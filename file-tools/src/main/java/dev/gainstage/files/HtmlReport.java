package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Severity;
import java.util.List;
import java.util.Map;

/**
 * The {@code analyze --html} report: one self-contained HTML file (inline CSS and SVG, no scripts,
 * fonts or external URLs) with the figures of every stem and the sum, the staging findings, and a
 * loudness/peak chart per track.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}
            h1{font-size:20px}h2{font-size:16px;margin:24px 0 4px}
            table{border-collapse:collapse;background:#fff}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
            td:first-child,th:first-child{text-align:left}
            .findings li{margin:2px 0}.ok{color:#276b2b}.warn{color:#a14a00}.bad{color:#b00020}
            .chart{width:100%;max-width:760px;background:#fff;border:1px solid #ddd}
            .chart text{font-size:10px;fill:#555}.grid{stroke:#eee}.axis{stroke:#999}
            .guide{stroke:#b00020;stroke-dasharray:4 3;stroke-width:1}
            .peak{fill:none;stroke:#e08a00;stroke-width:1}.loudness{fill:none;stroke:#1f5fbf;stroke-width:1.6}
            .legend span{display:inline-block;width:14px;height:3px;margin:0 4px 3px 12px;vertical-align:middle}
            """;

    private HtmlReport() {}

    static String render(MixAnalysis.Result result, Map<String, List<Finding>> findings) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>gainstage analyze</title><style>").append(CSS).append("</style></head><body>");
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
        h.append("</ul>");
        h.append("<p class=\"legend\"><span style=\"background:#1f5fbf\"></span>short-term loudness (LUFS)")
                .append("<span style=\"background:#e08a00\"></span>sample peak (dBFS)")
                .append("<span style=\"background:#b00020\"></span>thresholds</p>");
        for (TrackAnalysis t : result.stems()) {
            h.append("<h2>").append(escape(t.name())).append("</h2>");
            h.append(SvgLevelChart.render(t.series(), new double[] {
                StagingFindings.RULES.sourceHotPeakDbfs(), StagingFindings.RULES.sourceQuietPeakDbfs()
            }));
        }
        h.append("<h2>sum</h2>");
        h.append(SvgLevelChart.render(
                result.sum().series(),
                new double[] {StagingFindings.RULES.masterPeakDbfs(), StagingFindings.RULES.masterHeadroomPeakDbfs()}));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static List<TrackAnalysis> tracks(MixAnalysis.Result result) {
        List<TrackAnalysis> all = new java.util.ArrayList<>(result.stems());
        all.add(result.sum());
        return all;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
