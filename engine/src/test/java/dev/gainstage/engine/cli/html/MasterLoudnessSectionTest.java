package dev.gainstage.engine.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;
import dev.gainstage.proto.v1.MasterLoudness;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;
import org.junit.jupiter.api.Test;

class MasterLoudnessSectionTest {
    private static final DeliveryTargetView STREAMING = DeliveryTargetView.newBuilder()
            .setPreset(DeliveryPreset.DELIVERY_PRESET_STREAMING)
            .setName("Streaming")
            .setDescription("Streaming: -14 LUFS ±1 LU, true peak ≤ -1 dBTP")
            .setLoudnessLufs(-14)
            .setToleranceLu(1)
            .setTruePeakCeilingDbtp(-1)
            .build();

    /** 30 s of history ending at 40 s: silent (NaN) for 5 s, then −20 rising to −12 LUFS. */
    private static MasterLoudness master(DeliveryTargetView target) {
        MasterLoudness.Builder m = MasterLoudness.newBuilder()
                .setStageId("master/output")
                .setIntegratedLufs(-15.2)
                .setLoudnessRangeLu(6.1)
                .setTruePeakDbtp(2.1)
                .setSamplePeakDbfs(1.9)
                .setMeasuredSeconds(40)
                .setTarget(target)
                .setHistoryStepSeconds(1)
                .setHistoryEndSeconds(40);
        for (int i = 0; i < 30; i++) {
            m.addHistoryShortTermLufs(i < 5 ? Double.NaN : -20 + 8 * (i - 5) / 24.0);
        }
        return m.build();
    }

    private static String section(SessionView view) {
        StringBuilder html = new StringBuilder();
        new MasterLoudnessSection().append(new SessionReport(view, SessionHistoryView.getDefaultInstance()), html);
        return html.toString();
    }

    @Test
    void theHistoryIsDrawnAgainstTheTargetsLabelledLineAndBand() {
        String html =
                section(SessionView.newBuilder().setMaster(master(STREAMING)).build());
        assertTrue(html.contains("aria-label=\"short-term loudness of the master\""), html);
        assertTrue(html.contains(">\u221214 LUFS Streaming</text>"), "the target line is labelled: " + html);
        assertTrue(html.contains(">band ±1 LU</text>"), "and its tolerance band");
        assertEquals(1, count(html, "<line class=\"target\""));
        assertEquals(1, count(html, "<rect class=\"target-band\""));
        assertTrue(html.contains(">short-term loudness (LUFS)</text>")
                && html.contains(">session audio time (m:ss)</text>"));
        // 30 points ending at 40 s: the axis runs 0:11 to 0:40, ticks at round steps in m:ss
        assertTrue(html.contains(">0:20</text>") && html.contains(">0:40</text>"), html);
        // the silent first 5 s leave a gap: one polyline, of the 25 measured points
        assertEquals(1, count(html, "<polyline class=\"loudness\""));
        String points = html.substring(html.indexOf("points=\"") + 8);
        assertEquals(25, points.substring(0, points.indexOf('"')).split(" ").length);
    }

    @Test
    void theNumbersAreJudgedAgainstTheTarget() {
        String html =
                section(SessionView.newBuilder().setMaster(master(STREAMING)).build());
        assertTrue(html.contains("Delivery target: <b>Streaming: -14 LUFS ±1 LU, true peak ≤ -1 dBTP</b>"), html);
        assertTrue(html.contains("<td>\u221215.2 LUFS</td><td><span class=\"bad\">1.2 LU below \u221214 LUFS</span>"));
        assertTrue(html.contains("<td>loudness range</td><td>6.1 LU</td>"));
        assertTrue(html.contains("<td>+2.1 dBTP</td><td><span class=\"bad\">3.1 dB over the \u22121 dBTP ceiling"));
    }

    @Test
    void withoutATargetItSaysSoAndDrawsNoTargetLine() {
        String html = section(SessionView.newBuilder()
                .setMaster(master(DeliveryTargetView.getDefaultInstance()))
                .build());
        assertTrue(html.contains("No delivery target chosen"), html);
        assertTrue(html.contains("aria-label=\"short-term loudness of the master\""), "the history is still drawn");
        assertFalse(html.contains("class=\"target"), "no target line, band or label");
        assertTrue(html.contains("<td>\u221215.2 LUFS</td><td></td>"), "measured, not judged");
    }

    @Test
    void aSessionWithoutAMasterSaysSo() {
        assertTrue(section(SessionView.getDefaultInstance()).contains("The session has no master"));
    }

    static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
