package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakMeterTest {
    @Test
    void oversamplingFollowsBs1770Annex2() {
        assertEquals(4, TruePeakMeter.oversampling(44_100));
        assertEquals(4, TruePeakMeter.oversampling(48_000));
        assertEquals(4, TruePeakMeter.oversampling(88_200));
        assertEquals(2, TruePeakMeter.oversampling(96_000));
        assertEquals(2, TruePeakMeter.oversampling(176_400));
        assertEquals(1, TruePeakMeter.oversampling(192_000));
    }

    /** The paired, vectorised evaluation gives what a plain polyphase convolution of the same filter gives. */
    @ParameterizedTest
    @ValueSource(ints = {48_000, 96_000})
    void fastEvaluationEqualsDirectPolyphaseConvolution(int sampleRate) {
        int history = TruePeakMeter.history();
        int n = 1500;
        Random random = new Random(7);
        float[] x = new float[history + n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.3);
        }
        TruePeakMeter meter = new TruePeakMeter(sampleRate);
        double[][] phases = TruePeakMeter.design(meter.factor());
        double expected = 0;
        for (double[] h : phases) {
            for (int i = history; i < history + n; i++) {
                double y = 0;
                for (int k = 0; k < h.length; k++) {
                    y += h[k] * x[i - k];
                }
                expected = Math.max(expected, Math.abs(y));
            }
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

    @Test
    void noOversamplingFrom192kHz() {
        TruePeakMeter meter = new TruePeakMeter(192_000);
        float[] x = new float[TruePeakMeter.history() + 64];
        x[30] = 1;
        assertEquals(1, meter.factor());
        assertEquals(0, meter.interSamplePeak(x, TruePeakMeter.history(), 64));
        assertTrue(TruePeakMeter.history() >= TruePeakMeter.TAPS_PER_PHASE - 1);
    }
}
