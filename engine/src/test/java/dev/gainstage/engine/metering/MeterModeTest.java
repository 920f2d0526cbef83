package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MeterModeTest {
    private static final Set<String> TRUE_PEAK = Set.of("truePeakDbtp", "maxTruePeakDbtp");
    private static final Set<String> LOUDNESS =
            Set.of("momentaryLufs", "shortTermLufs", "maxMomentaryLufs", "maxShortTermLufs");
    private static final Set<String> HISTORY = Set.of("integratedLufs", "loudnessRangeLu");

    /** Every figure a mode has is the full meter's, to the bit; every figure it has not reads NaN. */
    @Test
    void eachModeComputesExactlyItsFiguresAndTheFullMetersValues() {
        float[] x = StageMeterTest.material(48_000, 8);
        MeterReading full = StageMeterTest.feed(x, 48_000, 256, MeterMode.FULL);
        for (MeterMode mode : StageMeterTest.MODES) {
            MeterReading r = StageMeterTest.feed(x, 48_000, 256, mode);
            for (var c : MeterReading.class.getRecordComponents()) {
                String name = c.getName();
                boolean on = TRUE_PEAK.contains(name)
                        ? mode.truePeak()
                        : LOUDNESS.contains(name) ? mode.loudness() : !HISTORY.contains(name) || mode.loudnessHistory();
                double expected = value(c, full);
                double actual = value(c, r);
                boolean modal = TRUE_PEAK.contains(name) || LOUDNESS.contains(name) || HISTORY.contains(name);
                assertTrue(!modal || !Double.isNaN(expected), name + " is measured by the full meter");
                if (on) {
                    assertEquals(expected, actual, 0, name + " in " + mode);
                } else {
                    assertTrue(Double.isNaN(actual), name + " is off in " + mode + " but reads " + actual);
                }
            }
        }
    }

    /**
     * A figure turned on mid-stream reads what the full meter reads once its window holds only audio from
     * after the switch: true peak exactly (its filter's history is refilled before it interpolates),
     * loudness within 1e-6 LU (the K-weighting filter starts from rest; its transient dies away in
     * milliseconds). Turned off, it reads NaN at once.
     */
    @Test
    void modesChangeLiveBetweenBlocks() {
        float[] x = StageMeterTest.material(48_000, 9);
        int frames = x.length / 2;
        StageMeter full = new StageMeter(MeterOptions.defaults());
        full.initialize(48_000, 2, 4096);
        StageMeter live = new StageMeter(MeterOptions.defaults());
        live.mode(MeterMode.LEVELS);
        live.initialize(48_000, 2, 4096);
        int switchAt = 48_000 * 2 + 1234; // within a sub-block
        for (int f = 0; f < frames; f += 256) {
            if (f >= switchAt && live.mode() == MeterMode.LEVELS) {
                live.mode(MeterMode.PEAKS_AND_LOUDNESS);
            }
            int n = Math.min(256, frames - f);
            full.process(x, f * 2, n);
            live.process(x, f * 2, n);
            if (f == switchAt + 256 * 4) {
                MeterReading early = live.reading();
                assertTrue(early.truePeakDbtp() >= early.samplePeakDbfs(), "true peak never below the sample peak");
            }
        }
        MeterReading a = full.reading();
        MeterReading b = live.reading();
        // 9 s of audio, switched at 2 s: the 3 s windows hold only audio from after the switch.
        assertEquals(a.truePeakDbtp(), b.truePeakDbtp(), 0);
        assertEquals(a.samplePeakDbfs(), b.samplePeakDbfs(), 0);
        assertEquals(a.shortTermLufs(), b.shortTermLufs(), 1e-6);
        assertEquals(a.momentaryLufs(), b.momentaryLufs(), 1e-6);
        assertTrue(Double.isNaN(b.integratedLufs()), "no histograms in this mode");
        live.mode(MeterMode.FULL);
        live.process(x, 0, 48_000);
        assertTrue(!Double.isNaN(live.reading().integratedLufs()), "histograms allocated when turned on");
        live.mode(MeterMode.LEVELS);
        MeterReading off = live.reading();
        assertTrue(Double.isNaN(off.truePeakDbtp()) && Double.isNaN(off.shortTermLufs()));
        assertTrue(Double.isNaN(off.integratedLufs()));
    }

    @Test
    void historyWithoutLoudnessIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MeterMode(true, false, true));
    }

    private static double value(java.lang.reflect.RecordComponent c, MeterReading r) {
        try {
            return ((Number) c.getAccessor().invoke(r)).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
