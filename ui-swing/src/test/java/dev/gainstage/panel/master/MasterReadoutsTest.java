package dev.gainstage.panel.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;
import dev.gainstage.proto.v1.MasterLoudness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The master section's texts and verdicts from the view, and the history graph's geometry, without a display. */
class MasterReadoutsTest {
    private static final DeliveryTargetView STREAMING = DeliveryTargetView.newBuilder()
            .setPreset(DeliveryPreset.DELIVERY_PRESET_STREAMING)
            .setName("Streaming")
            .setDescription("Streaming: -14 LUFS \u00B11 LU, true peak \u2264 -1 dBTP")
            .setLoudnessLufs(-14)
            .setToleranceLu(1)
            .setTruePeakCeilingDbtp(-1)
            .build();

    private static MasterLoudness.Builder master() {
        return MasterLoudness.newBuilder()
                .setStageId("master/output")
                .setMomentaryLufs(-12.34)
                .setShortTermLufs(-13.06)
                .setIntegratedLufs(-14.6)
                .setLoudnessRangeLu(5.25)
                .setTruePeakDbtp(-0.5)
                .setSamplePeakDbfs(-0.9)
                .addAllHistoryShortTermLufs(List.of(Double.NaN, -15.0, -13.1))
                .setHistoryEndSeconds(3);
    }

    @Test
    void readoutsCarryTheViewsNumbersWithUnits() {
        MasterReadouts r = MasterReadouts.of(master().build(), true);
        assertEquals("-12.3 LUFS", r.momentary());
        assertEquals("-13.1 LUFS", r.shortTerm());
        assertEquals("-14.6 LUFS", r.integrated());
        assertEquals("5.3 LU", r.range());
        assertEquals("-0.5 dBTP", r.truePeak());
        assertEquals("no delivery target", r.target());
        assertEquals(MasterReadouts.Verdict.NONE, r.loudnessVerdict());
        assertEquals("", r.integratedVsTarget());
        assertEquals(3, r.history().size());
        assertTrue(Double.isNaN(r.targetLufs()));
    }

    @Test
    void againstStreamingTheLoudnessMeetsAndTheTruePeakMisses() {
        MasterReadouts r = MasterReadouts.of(master().setTarget(STREAMING).build(), true);
        assertEquals("-0.6 LU vs target", r.integratedVsTarget());
        assertEquals(MasterReadouts.Verdict.MEETS, r.loudnessVerdict());
        assertEquals("over -1.0 dBTP", r.peakVsTarget());
        assertEquals(MasterReadouts.Verdict.MISSES, r.peakVerdict());
        assertEquals(-14, r.targetLufs());
        assertEquals(STREAMING.getDescription(), r.target());
    }

    @Test
    void aPreMasterIsJudgedOnItsPeakWindow() {
        DeliveryTargetView pre = DeliveryTargetView.newBuilder()
                .setPreset(DeliveryPreset.DELIVERY_PRESET_PRE_MASTER)
                .setDescription("Pre-master: peaks -6 to -3 dBFS, no loudness target")
                .setPeakMinDbfs(-6)
                .setPeakMaxDbfs(-3)
                .build();
        MasterReadouts r = MasterReadouts.of(
                master().setTarget(pre).setSamplePeakDbfs(-4.2).build(), true);
        assertEquals(MasterReadouts.Verdict.NONE, r.loudnessVerdict(), "no loudness target");
        assertEquals(MasterReadouts.Verdict.MEETS, r.peakVerdict());
        assertEquals("-4.2 dBFS in -6..-3", r.peakVsTarget());
    }

    @Test
    void nothingMeasuredReadsAsDashes() {
        MasterReadouts r = MasterReadouts.of(MasterLoudness.getDefaultInstance(), false);
        assertEquals("- LUFS", r.integrated());
        assertEquals("- LU", r.range());
        assertEquals("- dBTP", r.truePeak());
        assertTrue(!r.present());
    }

    @Test
    void everyPresetIsOfferedWithItsNumbers() {
        List<String> labels = MasterReadouts.choices().stream()
                .map(MasterReadouts.Choice::label)
                .toList();
        assertEquals(
                List.of(
                        "No delivery target",
                        "Streaming (-14 LUFS, -1 dBTP)",
                        "Apple Music (-16 LUFS, -1 dBTP)",
                        "EBU R128 (-23 LUFS, -1 dBTP)",
                        "Pre-master (peaks -6 to -3 dBFS)"),
                labels);
    }

    @Test
    void theGraphPutsTheNewestPointAtTheRightEdgeOnAFixedScale() {
        assertEquals(0, LoudnessHistoryGraph.y(0, 101));
        assertEquals(100, LoudnessHistoryGraph.y(-40, 101));
        assertEquals(50, LoudnessHistoryGraph.y(-20, 101));
        assertEquals(100, LoudnessHistoryGraph.y(-70, 101), "below the scale: at its floor");
        assertEquals(599, LoudnessHistoryGraph.x(9, 10, 600), "newest at the right");
        assertEquals(599 - 9 * 599 / 59, LoudnessHistoryGraph.x(0, 10, 600), "a minute spans the width at first");
        assertEquals(0, LoudnessHistoryGraph.x(0, 600, 600), "ten minutes: the oldest at the left edge");
    }
}
