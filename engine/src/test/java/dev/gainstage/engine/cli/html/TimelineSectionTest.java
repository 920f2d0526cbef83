package dev.gainstage.engine.cli.html;

import static dev.gainstage.engine.cli.html.MasterLoudnessSectionTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.WarningSpan;
import org.junit.jupiter.api.Test;

class TimelineSectionTest {
    private static WarningSpan.Builder span(String id, String title, String strip, String stage, double raised) {
        return WarningSpan.newBuilder()
                .setWarningId(id)
                .setRule(Rule.SOURCE_TOO_HOT)
                .setSeverity(Severity.SEVERITY_WARNING)
                .setTitle(title)
                .setStripName(strip)
                .setStageName(stage)
                .setRaisedSeconds(raised)
                .setUpdatedSeconds(raised)
                .setPeakMeasured(-1.9)
                .setUnit("dBFS");
    }

    /** The kick's warning raised at 1:05, cleared at 1:20, raised again at 2:00 and still open; the bass's at 1:10. */
    private static SessionHistoryView history() {
        return SessionHistoryView.newBuilder()
                .setNowSeconds(150)
                .addWarnings(span("SOURCE_TOO_HOT@kick/source", "source too hot", "Kick", "Source", 65)
                        .setClearedSeconds(80))
                .addWarnings(span("PLUGIN_OUTPUT_HOT@bass/sat", "plugin output too hot", "Bass", "Tube <Sat>", 70)
                        .setSeverity(Severity.SEVERITY_CRITICAL)
                        .setClearedSeconds(95))
                .addWarnings(span("SOURCE_TOO_HOT@kick/source", "source too hot", "Kick", "Source", 120))
                .build();
    }

    private static String section(SessionHistoryView history) {
        StringBuilder html = new StringBuilder();
        new TimelineSection().append(new SessionReport(SessionView.getDefaultInstance(), history), html);
        return html.toString();
    }

    @Test
    void oneLanePerWarningLabelledInWordsOnTheSessionTime() {
        String html = section(history());
        assertTrue(html.contains("aria-label=\"warnings timeline\""), html);
        assertEquals(2, count(html, "<text class=\"lane\""), "one lane per warning, not per span");
        assertTrue(html.contains(">source too hot: Kick ▸ Source · open</text>"), html);
        assertTrue(html.contains(">plugin output too hot: Bass ▸ Tube &lt;Sat&gt;</text>"), "escaped: " + html);
        assertEquals(3, count(html, "<rect class=\"sev-"), "a bar per span");
        assertEquals(1, count(html, "<rect class=\"sev-warning open\""), "the kick's second span is open");
        assertEquals(1, count(html, "<rect class=\"sev-critical\""));
        assertTrue(html.contains(">DAW session time (m:ss)</text>"));
        // 1:05 to 2:30 in round steps of m:ss
        assertTrue(html.contains(">1:15</text>") && html.contains(">2:30</text>"), html);
        assertTrue(
                html.contains("<td>1:05.0</td><td>1:20.0</td>") && html.contains("<td>2:00.0</td><td>still open</td>"));
    }

    @Test
    void anOpenSpanReachesNow() {
        String chart = TimelineSection.chart(history());
        int open = chart.indexOf("<rect class=\"sev-warning open\"");
        String rect = chart.substring(open, chart.indexOf("/>", open));
        double x = Double.parseDouble(rect.replaceAll(".* x=\"([-0-9.]+)\".*", "$1"));
        double width = Double.parseDouble(rect.replaceAll(".* width=\"([-0-9.]+)\".*", "$1"));
        assertEquals(TimelineSection.PLOT_RIGHT, x + width, 0.1, rect);
    }

    @Test
    void aLongLabelKeepsItsStripAndStage() {
        WarningSpan long_ = span("x", "plugin changes the loudness a lot", "Lead Vox", "ACE Compressor", 1)
                .build();
        String label = TimelineSection.laneLabel(long_, true);
        assertTrue(label.endsWith(": Lead Vox ▸ ACE Compressor · open") && label.length() <= 52, label);
        assertTrue(label.startsWith("plugin changes"), label);
    }

    @Test
    void noWarningsSaysSo() {
        assertTrue(section(SessionHistoryView.getDefaultInstance()).contains("No warning was raised"));
    }
}
