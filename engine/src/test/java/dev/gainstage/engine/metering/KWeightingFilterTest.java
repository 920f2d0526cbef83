package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KWeightingFilterTest {
    private static final double[] FREQUENCIES = {20, 50, 100, 500, 1000, 2000, 5000, 10_000, 15_000};

    /** ITU-R BS.1770-4 Table 1 and 2: the published 48 kHz coefficients. */
    @Test
    void derivedCoefficientsAt48kHzAreTheRecommendationsTable() {
        Biquad shelf = KWeightingFilter.shelf(48_000);
        assertEquals(1.53512485958697, shelf.b0(), 1e-12);
        assertEquals(-2.69169618940638, shelf.b1(), 1e-12);
        assertEquals(1.19839281085285, shelf.b2(), 1e-12);
        assertEquals(-1.69065929318241, shelf.a1(), 1e-12);
        assertEquals(0.73248077421585, shelf.a2(), 1e-12);
        Biquad highPass = KWeightingFilter.highPass(48_000);
        assertEquals(1.0, highPass.b0());
        assertEquals(-2.0, highPass.b1());
        assertEquals(1.0, highPass.b2());
        assertEquals(-1.99004745483398, highPass.a1(), 1e-12);
        assertEquals(0.99007225036621, highPass.a2(), 1e-12);
    }

    /**
     * The digital response at each rate follows the analog prototype (shelf 1681.97 Hz, +4.0 dB,
     * Q 0.7072; high-pass 38.14 Hz, Q 0.5003) within 0.1 dB up to a quarter of the sample rate. The
     * remaining difference is the reference filter's own unnormalised high-pass gain (+0.04 dB at
     * 48 kHz) and bilinear warping.
     */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000, 192_000, 37_800, 88_200})
    void responseFollowsTheAnalogPrototype(int sampleRate) {
        for (double hz : FREQUENCIES) {
            if (hz > sampleRate / 4.0) {
                continue;
            }
            assertEquals(analogDb(hz), designedDb(hz, sampleRate), 0.1, hz + " Hz at " + sampleRate);
        }
    }

    /** A sine through the running filter comes out with the designed gain: checks the filter loop itself. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000, 192_000, 37_800})
    void filteringASineGivesTheDesignedGain(int sampleRate) {
        for (double hz : FREQUENCIES) {
            if (hz > sampleRate / 4.0) {
                continue;
            }
            KWeightingFilter filter = new KWeightingFilter(sampleRate, 2);
            int n = sampleRate; // 1 s: the 38 Hz high-pass has settled after ~0.2 s
            float[] x = new float[2 * n]; // interleaved: the sine, then silence
            for (int i = 0; i < n; i++) {
                x[2 * i] = (float) Math.sin(2 * Math.PI * hz * i / sampleRate);
            }
            SegmentStats stats = new SegmentStats();
            SegmentStats silent = new SegmentStats();
            filter.filterAndMeasure(0, x, 0, 1, 2, n / 2, stats, silent);
            filter.filterAndMeasure(0, x, n / 2 * 2, n / 2 * 2 + 1, 2, n / 2, stats, silent);
            double energy = stats.weightedSquares;
            assertEquals(0, silent.weightedSquares, "the pair's other channel is independent");
            double gainDb = 10 * Math.log10(energy / (n / 2) / 0.5);
            assertEquals(designedDb(hz, sampleRate), gainDb, 0.02, hz + " Hz at " + sampleRate);
        }
    }

    /** Loudness is consistent across rates: every rate weights like the 48 kHz reference to 0.05 dB up to 5 kHz (the difference is the high-pass passband gain, 0.04 dB at 48 kHz, 0.01 dB at 192 kHz). */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 96_000, 192_000, 37_800})
    void everyRateWeightsLikeTheReference(int sampleRate) {
        for (double hz : FREQUENCIES) {
            if (hz <= 5000) {
                assertEquals(designedDb(hz, 48_000), designedDb(hz, sampleRate), 0.05, hz + " Hz at " + sampleRate);
            }
        }
    }

    private static double designedDb(double hz, int sampleRate) {
        return 20
                * Math.log10(KWeightingFilter.shelf(sampleRate).magnitudeAt(hz, sampleRate)
                        * KWeightingFilter.highPass(sampleRate).magnitudeAt(hz, sampleRate));
    }

    /** |H(jw)| of the analog prototypes, s normalised to each section's corner frequency. */
    private static double analogDb(double hz) {
        double vh = Math.pow(10, KWeightingFilter.SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, KWeightingFilter.SHELF_MID_EXPONENT);
        double q = KWeightingFilter.SHELF_Q;
        double x = hz / KWeightingFilter.SHELF_HZ;
        // (vh s^2 + vb s / q + 1) / (s^2 + s / q + 1) at s = jx
        double shelf = Math.hypot(1 - vh * x * x, vb * x / q) / Math.hypot(1 - x * x, x / q);
        double y = hz / KWeightingFilter.HIGH_PASS_HZ;
        // s^2 / (s^2 + s / q + 1) at s = jy
        double highPass = y * y / Math.hypot(1 - y * y, y / KWeightingFilter.HIGH_PASS_Q);
        return 20 * Math.log10(shelf * highPass);
    }
}
