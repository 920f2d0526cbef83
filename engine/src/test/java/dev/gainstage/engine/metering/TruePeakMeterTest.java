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
        float[] smooth = new float[history + n];
        double state = 0;
        for (int i = 0; i < x.length; i++) {
            double swell = 1 + Math.sin(i / 150.0);
            double white = random.nextGaussian() * 0.1;
            state += 0.1 * (white - state);
            x[i] = (float) (white * swell);
            smooth[i] = (float) (3 * state * swell); // skipped by the smooth bound too
        }
        TruePeakMeter meter = new TruePeakMeter(48_000);
        for (float[] signal : new float[][] {x, smooth}) {
            double peak = meter.interSamplePeak(signal, history, n, 0);
            assertTrue(peak > 0.2, "the signal has peaks");
            for (double floor : new double[] {0, 0.05, peak * 0.5, peak * 0.9, Math.nextDown(peak), peak, peak * 2}) {
                double skipped = meter.interSamplePeak(signal, history, n, floor);
                assertEquals(Math.max(floor, peak), Math.max(floor, skipped), 0, "floor " + floor);
            }
        }
    }

    /**
     * The smooth-signal bound holds for every chunk of signals of every kind: white and low-passed
     * noise, a 0.45 fs sine, full-scale square waves at Nyquist and at a quarter of it, and the signs
     * of the middle phase (the input that drives it to its sum of |coefficients|), at chunks of every
     * length from 1 to {@value TruePeakMeter#CHUNK}.
     */
    @Test
    void theSmoothBoundCoversEveryValueAndVertexOfAChunk() {
        int history = TruePeakMeter.history();
        int n = 3000;
        TruePeakMeter meter = new TruePeakMeter(48_000);
        SmoothPeakBound limits = new SmoothPeakBound(TruePeakMeter.design(4));
        double[] middle = TruePeakMeter.design(4)[1];
        Random random = new Random(5);
        for (int kind = 0; kind < 6; kind++) {
            float[] x = new float[history + n];
            double smooth = 0;
            for (int i = 0; i < x.length; i++) {
                double white = random.nextGaussian() * 0.3;
                smooth += 0.05 * (white - smooth);
                x[i] = (float)
                        switch (kind) {
                            case 0 -> white;
                            case 1 -> 4 * smooth;
                            case 2 -> 0.9 * Math.sin(2 * Math.PI * 0.45 * i + 0.7);
                            case 3 -> i % 2 == 0 ? 1 : -1;
                            case 4 -> (i / 2) % 2 == 0 ? 1 : -1;
                            default -> Math.signum(middle[Math.floorMod(1000 - i, middle.length)]);
                        };
            }
            for (int from = history, length = 1; from + length <= x.length; from += length, length = length % 64 + 1) {
                float taps = 0;
                for (int i = from - history; i < from + length; i++) {
                    taps = Math.max(taps, Math.abs(x[i]));
                }
                double peak = meter.interSamplePeak(x, from, length);
                double bound = limits.of(x, from, from + length, taps);
                assertTrue(peak <= bound, "kind " + kind + " at " + from + ": " + peak + " > " + bound);
            }
        }
    }

    /**
     * Inputs that reach the smooth bound at the middle phase's value (the bound's last factor, the
     * vertex cap, aside), so any smaller gain fails: a constant (the linear term), and the input that
     * drives the output hardest for its curvature, its two centre samples 0 and every second
     * difference among its taps +-1, signed as that difference moves the output (found here from the
     * filter, one hinge max(0, t - j) at a time).
     */
    @Test
    void theSmoothBoundIsReachedByAConstantAndByTheWorstCurvature() {
        int taps = TruePeakMeter.TAPS_PER_PHASE;
        int half = taps / 2;
        double[] middle = TruePeakMeter.design(4)[1];
        int n = 2 * taps; // the output; its taps are x[n - k], its centres x[n - half] and x[n - half + 1]
        double[] worst = new double[n + 1];
        for (int j = n - taps + 2; j < n; j++) { // a second difference at j, from the hinge max(0, t - j)
            double[] hinge = new double[n + 1];
            for (int t = 0; t <= n; t++) {
                hinge[t] = Math.max(0, t - j);
            }
            double left = hinge[n - half];
            double slope = hinge[n - half + 1] - left;
            for (int t = 0; t <= n; t++) {
                hinge[t] -= left + slope * (t - (n - half)); // a line through the centres leaves them 0
            }
            for (int t = 0; t <= n; t++) {
                worst[t] += Math.signum(middleValue(middle, hinge, n)) * hinge[t];
            }
        }
        double[] constant = new double[n + 1];
        java.util.Arrays.fill(constant, 500);
        TruePeakMeter meter = new TruePeakMeter(48_000);
        SmoothPeakBound limits = new SmoothPeakBound(TruePeakMeter.design(4));
        for (double[] input : new double[][] {worst, constant}) {
            float[] signal = new float[n + 1];
            double[] stored = new double[n + 1];
            float largest = 0;
            for (int t = 0; t <= n; t++) {
                signal[t] = (float) (input[t] / 1000); // integers, in float to within 1e-7
                stored[t] = signal[t];
                largest = Math.max(largest, Math.abs(signal[t]));
            }
            double bound = limits.of(signal, n, n + 1, largest);
            double value = Math.abs(middleValue(middle, stored, n));
            assertTrue(meter.interSamplePeak(signal, n, 1) <= bound);
            assertTrue(value * TruePeakMeter.VERTEX_CAP <= bound, value + " above " + bound);
            assertTrue(value * TruePeakMeter.VERTEX_CAP > 0.998 * bound, value + " well under " + bound);
        }
    }

    private static double middleValue(double[] middle, double[] x, int n) {
        double y = 0;
        for (int k = 0; k < middle.length; k++) {
            y += middle[k] * x[n - k];
        }
        return y;
    }

    /** On a smooth signal the bound is within 3.5 dB of the sample peak (the bound on max |x| alone is 9 dB above it). */
    @Test
    void theSmoothBoundIsTightOnLowFrequencies() {
        int history = TruePeakMeter.history();
        int n = 4096;
        float[] x = new float[history + n];
        Random random = new Random(8);
        double smooth = 0;
        float samplePeak = 0;
        for (int i = 0; i < x.length; i++) {
            smooth += 0.05 * (random.nextGaussian() - smooth);
            x[i] = (float) smooth;
            samplePeak = Math.max(samplePeak, Math.abs(x[i]));
        }
        SmoothPeakBound limits = new SmoothPeakBound(TruePeakMeter.design(4));
        double bound = limits.of(x, history, history + n, samplePeak);
        assertTrue(bound < 1.5 * samplePeak, bound + " vs " + samplePeak);
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
