package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakMeterTest {
    /** The accuracy needed is relative to the sample rate, so every rate gets the 4x filter (BS.1770 has 2x and 1x above 96 kHz). */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 88_200, 96_000, 176_400, 192_000})
    void everyRateIsOversampledFourTimes(int sampleRate) {
        TruePeakMeter meter = new TruePeakMeter(sampleRate);
        assertEquals(4, meter.factor());
        float[] x = new float[TruePeakMeter.history() + 256];
        x[TruePeakMeter.history() + 100] = 1;
        x[TruePeakMeter.history() + 101] = 1;
        // two full-scale samples: the band-limited waveform peaks between them, above both
        assertTrue(meter.interSamplePeak(x, TruePeakMeter.history(), 256) > 1.1);
    }

    /**
     * The paired, vectorised evaluation and the vertex pass give what a plain polyphase convolution of
     * the same filter and a parabola through every maximum of the 4x sequence give.
     */
    @ParameterizedTest
    @ValueSource(ints = {48_000, 96_000})
    void fastEvaluationEqualsDirectPolyphaseConvolution(int sampleRate) {
        int history = TruePeakMeter.history();
        int n = 1500;
        Random random = new Random(sampleRate);
        float[] x = new float[history + n + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.3);
        }
        TruePeakMeter meter = new TruePeakMeter(sampleRate);
        double[][] phases = TruePeakMeter.design(meter.factor());
        int half = TruePeakMeter.TAPS_PER_PHASE / 2;
        // the 4x sequence from the sample before the first output's sample to the sample after the last
        double[] grid = new double[4 * (n + 1) + 1];
        for (int i = history - 1; i < history + n; i++) {
            int at = 4 * (i - history + 1);
            grid[at] = x[i - half];
            for (int p = 0; p < 3; p++) {
                double y = 0;
                for (int k = 0; k < phases[p].length; k++) {
                    y += phases[p][k] * x[i - k];
                }
                grid[at + 1 + p] = y;
            }
        }
        grid[grid.length - 1] = x[history + n - half];
        double expected = 0;
        for (int j = 4; j < grid.length - 1; j++) {
            if (j % 4 != 0) {
                expected = Math.max(expected, Math.abs(grid[j]));
            }
            expected = Math.max(expected, TruePeakMeter.vertex(grid[j - 1], grid[j], grid[j + 1]));
        }
        assertEquals(expected, meter.interSamplePeak(x, history, n), 1e-6);
    }

    /**
     * With a floor, chunks that cannot exceed it are skipped, and max(floor, result) is still exactly the
     * unskipped peak: for floors below, at and above the peak, on noise whose level swells so that some
     * chunks are skipped and others not.
     */
    @Test
    void aFloorSkipsOnlyWhatCannotExceedIt() {
        int history = TruePeakMeter.history();
        int n = 2000;
        Random random = new Random(11);
        float[] x = new float[history + n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.1 * (1 + Math.sin(i / 150.0)));
        }
        TruePeakMeter meter = new TruePeakMeter(48_000);
        double peak = meter.interSamplePeak(x, history, n, 0);
        assertTrue(peak > 0.3, "the signal has peaks");
        for (double floor : new double[] {0, 0.05, peak * 0.5, peak * 0.9, Math.nextDown(peak), peak, peak * 2}) {
            double skipped = meter.interSamplePeak(x, history, n, floor);
            assertEquals(Math.max(floor, peak), Math.max(floor, skipped), 0, "floor " + floor);
        }
    }

    /** Sines up to 18 kHz at 44.1/48 kHz (and 36 kHz at 96 kHz): inter-sample peaks within 0.05 dB of the waveform's. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void reconstructsTheWaveformPeakOfHighSines(int sampleRate) {
        for (double hz : new double[] {997, 5_000, 11_025, 15_000, 18_000, sampleRate * 0.375}) {
            int n = sampleRate / 10;
            int history = TruePeakMeter.history();
            float[] x = new float[history + n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / sampleRate + 0.3));
            }
            TruePeakMeter meter = new TruePeakMeter(sampleRate);
            double peak = meter.interSamplePeak(x, history, n);
            double samplePeak = 0;
            for (float v : x) {
                samplePeak = Math.max(samplePeak, Math.abs(v));
            }
            double measured = Math.max(peak, samplePeak);
            assertEquals(20 * Math.log10(0.5), 20 * Math.log10(measured), 0.05, hz + " Hz at " + sampleRate);
        }
    }

    /** A sine's vertex: at 0.45 fs at its worst phase within 0.05 dB of its peak, never above it. */
    @Test
    void aParabolaThroughThe4xPointsFindsASinesPeak() {
        double step = 2 * Math.PI * 0.45 / 4;
        for (double offset = -step / 2; offset <= step / 2; offset += step / 100) {
            double v = TruePeakMeter.vertex(Math.cos(offset - step), Math.cos(offset), Math.cos(offset + step));
            assertTrue(v <= 1 + 1e-12 && 20 * Math.log10(v) > -0.05, "offset " + offset + ": " + v);
        }
    }
}
