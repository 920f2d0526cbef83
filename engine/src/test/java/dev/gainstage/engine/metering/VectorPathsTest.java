package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops give the same bits as their plain-Java twins, and allocate nothing once compiled. (The K-weighting
 * lanes are checked in {@link MonoGroupTest}.)
 */
class VectorPathsTest {
    private static final int HISTORY = TruePeakMeter.history();

    /** Noise bursts, a sweep towards Nyquist, hard-clipped hits, silence, and the odd NaN, infinity and denormal. */
    private static float[] material(long seed, int n) {
        Random random = new Random(seed);
        float[] x = new float[HISTORY + n];
        for (int i = 0; i < n; i++) {
            double t = i / 48_000.0;
            int part = i / 3000 % 4;
            double v = switch (part) {
                case 0 -> random.nextGaussian() * 0.3;
                case 1 -> 0.8 * Math.sin(2 * Math.PI * (1000 + 22_000.0 * i / n) * t);
                case 2 -> Math.max(-0.5, Math.min(0.5, 3 * Math.sin(2 * Math.PI * 3000 * t)));
                default -> 0;
            };
            x[HISTORY + i] = (float) v;
        }
        return x;
    }

    @Test
    void theTestJvmHasTheVectorLoops() {
        assertTrue(VectorSupport.available(), "the build starts test JVMs with --add-modules jdk.incubator.vector");
        assertTrue(InterpolatorSums.best() instanceof VectorInterpolatorSums);
    }

    @Test
    void interpolatorSumsAreTheSameBits() {
        Random random = new Random(3);
        double[][] weights = new double[3][TruePeakMeter.TAPS_PER_PHASE / 2];
        for (double[] w : weights) {
            for (int k = 0; k < w.length; k++) {
                w[k] = random.nextGaussian();
            }
        }
        float[] signs = {1, 1, -1};
        float[] x = material(4, 5000);
        x[HISTORY + 777] = Float.NaN;
        x[HISTORY + 1500] = Float.NEGATIVE_INFINITY;
        x[HISTORY + 1600] = Float.MIN_VALUE;
        for (int count : new int[] {1, 7, 8, 9, 63, 64, 65, 1025}) {
            double[][] plain = new double[3][count];
            double[][] vector = new double[3][count];
            int first = HISTORY + random.nextInt(3000);
            new ScalarInterpolatorSums()
                    .compute(weights, signs, x, first, TruePeakMeter.TAPS_PER_PHASE - 1, plain, count);
            new VectorInterpolatorSums()
                    .compute(weights, signs, x, first, TruePeakMeter.TAPS_PER_PHASE - 1, vector, count);
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < count; i++) {
                    assertEquals(plain[s][i], vector[s][i], "sum " + s + " output " + i + " of " + count);
                }
            }
        }
    }

    @Test
    void truePeaksAreTheSameBitsAtEveryRateAndFloor() {
        for (int rate : new int[] {44_100, 48_000, 96_000, 192_000}) {
            TruePeakMeter plain = new TruePeakMeter(rate, new ScalarInterpolatorSums());
            TruePeakMeter vector = new TruePeakMeter(rate, new VectorInterpolatorSums());
            for (long seed = 0; seed < 6; seed++) {
                float[] x = material(seed, 12_000);
                for (double floor : new double[] {0, 0.2, 0.5, 0.79}) {
                    for (int n : new int[] {5, 64, 1000, 12_000}) {
                        assertEquals(
                                plain.interSamplePeak(x, HISTORY, n, floor),
                                vector.interSamplePeak(x, HISTORY, n, floor),
                                rate + " Hz, seed " + seed + ", floor " + floor + ", " + n + " samples");
                    }
                }
            }
        }
    }

    @Test
    void theVectorTruePeakAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        TruePeakMeter meter = new TruePeakMeter(48_000, new VectorInterpolatorSums());
        float[] x = material(9, 4096);
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += meter.interSamplePeak(x, HISTORY, 256 + i % 7);
        }
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 2_000; i++) {
            sink += meter.interSamplePeak(x, HISTORY, 256 + i % 7);
        }
        assertEquals(0, threads.getThreadAllocatedBytes(thread) - before, "bytes allocated by the vector true peak");
        assertTrue(sink > 0);
    }
}
