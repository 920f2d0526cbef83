package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagingFindingsTest {
    /**
     * A reading with the given peaks, clipping, noise floor and seconds of signal, and an overall RMS 8 dB
     * below the peak, like music; other figures irrelevant.
     */
    private static MeterReading reading(
            double peak, double truePeak, long clippedRuns, double noiseFloor, double signal) {
        return reading(peak, truePeak, clippedRuns, noiseFloor, signal, peak - 8);
    }

    private static MeterReading reading(
            double peak, double truePeak, long clippedRuns, double noiseFloor, double signal, double overallRms) {
        double nan = Double.NaN;
        return new MeterReading(
                48_000,
                1,
                nan,
                nan,
                nan,
                nan,
                nan,
                peak,
                truePeak,
                nan,
                nan,
                nan,
                nan,
                overallRms,
                nan,
                0,
                clippedRuns * 2,
                clippedRuns,
                noiseFloor,
                nan,
                signal);
    }

    private static List<String> sourceRules(double peak, long clippedRuns, double noiseFloor, double signal) {
        return StagingFindings.forSource("s", reading(peak, peak, clippedRuns, noiseFloor, signal)).stream()
                .map(Finding::rule)
                .toList();
    }

    @Test
    void sourceThresholds() {
        assertEquals(List.of(), sourceRules(-6.0, 0, -80, 10), "exactly -6 is not too hot");
        assertEquals(List.of("SOURCE_TOO_HOT"), sourceRules(-5.9, 0, -80, 10));
        assertEquals(List.of("SOURCE_CLIPPING", "SOURCE_TOO_HOT"), sourceRules(-0.1, 0, -80, 10));
        assertEquals(List.of("SOURCE_CLIPPING"), sourceRules(-12, 3, -80, 10), "clipped runs alone");
        assertEquals(List.of(), sourceRules(-18.0, 0, -80, 10));
        assertEquals(List.of("SOURCE_TOO_QUIET"), sourceRules(-18.1, 0, -80, 10));
        assertEquals(List.of(), sourceRules(-30, 0, -80, 2.9), "quiet needs 3 s of signal");
        assertEquals(List.of("SOURCE_TOO_QUIET"), sourceRules(-12, 0, -51, 10), "noise floor within 40 dB");
        assertEquals(List.of(), sourceRules(-12, 0, -53, 10));
        assertEquals(List.of(), sourceRules(Double.NaN, 0, Double.NaN, 0), "silence");
    }

    @Test
    void aSteadyToneIsNotItsOwnNoiseFloor() {
        // Without quiet passages the floor estimate is the tone itself: no noise to speak of.
        List<String> rules = StagingFindings.forSource("tone", reading(-12, -12, 0, -15.5, 10, -15)).stream()
                .map(Finding::rule)
                .toList();
        assertEquals(List.of(), rules);
    }

    @Test
    void trimSuggestionAimsAtMinusNine() {
        Finding hot =
                StagingFindings.forSource("s", reading(-2.5, -2.5, 0, -80, 10)).get(0);
        assertEquals(-6.5, hot.fixDb(), 1e-9);
        assertTrue(hot.advice().startsWith("trim by -6.5 dB"), hot.advice());
        Finding quiet =
                StagingFindings.forSource("s", reading(-24, -24, 0, -90, 10)).get(0);
        assertEquals(15, quiet.fixDb(), 1e-9);
    }

    @Test
    void masterThresholds() {
        assertEquals(List.of("MASTER_OVER_0DBFS"), master(-0.5, 0.2), "true peak over 0 counts");
        assertEquals(List.of("MASTER_LOW_HEADROOM"), master(-2.9, -2.9));
        assertEquals(List.of(), master(-3.0, -3.0));
        Finding over =
                StagingFindings.forSum("sum", reading(1.5, 2.0, 0, -80, 10)).get(0);
        assertEquals(-8, over.fixDb(), 1e-9);
    }

    private static List<String> master(double peak, double truePeak) {
        return StagingFindings.forSum("sum", reading(peak, truePeak, 0, -80, 10)).stream()
                .map(Finding::rule)
                .toList();
    }
}
