package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * ITU-R BS.1770 K-weighting (pre-filter shelf + RLB high-pass) for 1..8 channels, with coefficients
 * derived for any sample rate from the analog prototypes by the bilinear transform with pre-warping
 * (the method libebur128 and pyloudnorm use), so 44.1 kHz, 96 kHz or odd rates are weighted like the
 * 48 kHz table of the recommendation rather than by a resampled or approximate filter.
 */
public final class KWeightingFilter {
    /** Analog prototype of stage 1: high shelf. Fitted to the BS.1770 48 kHz coefficients. */
    public static final double SHELF_HZ = 1681.974450955533;
    public static final double SHELF_GAIN_DB = 3.999843853973347;
    public static final double SHELF_Q = 0.7071752369554196;
    /** Exponent giving the shelf's mid gain Vb = Vh^x; part of the same fit. */
    static final double SHELF_MID_EXPONENT = 0.4996667741545416;
    /** Analog prototype of stage 2: second-order high-pass (revised low-frequency B curve). */
    public static final double HIGH_PASS_HZ = 38.13547087602444;
    public static final double HIGH_PASS_Q = 0.5003270373238773;

    private final Biquad shelf;
    private final Biquad highPass;
    /** Direct form II transposed state, per channel pair: shelf s1, s2, high-pass h1, h2 of each. */
    private final double[] state;

    public KWeightingFilter(int sampleRate, int channels) {
        this.shelf = shelf(sampleRate);
        this.highPass = highPass(sampleRate);
        this.state = new double[8 * ((channels + 1) / 2)];
    }

    public static Biquad shelf(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_MID_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        return new Biquad(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / SHELF_Q + k * k) / a0);
    }

    /**
     * The numerator stays (1, -2, 1) as in the recommendation's table rather than being normalised:
     * that is what the reference 48 kHz filter does, and the -0.691 dB offset was fitted with it.
     */
    public static Biquad highPass(double sampleRate) {
        double k = Math.tan(Math.PI * HIGH_PASS_HZ / sampleRate);
        double a0 = 1 + k / HIGH_PASS_Q + k * k;
        return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0);
    }

    /**
     * Filters {@code n} samples of a pair of channels (each contiguous, from {@code from}) and measures
     * them: peak, sum and sum of squares of the input and sum of squares of the K-weighted signal, into
     * {@code out0} and {@code out1}. State is kept per pair, so blocks may be of any size.
     *
     * <p>Why pairs: the filter's recursion makes each sample wait for the previous one, so one channel
     * leaves the CPU mostly idle; two independent channels in the same loop run in the gaps (measured
     * 1.6x the throughput). The raw statistics ride along for the same reason. An odd last channel is
     * paired with a silent buffer, which costs nothing extra.
     */
    public void filterAndMeasure(int pair, float[] x0, float[] x1, int from, int n, SegmentStats out0,
            SegmentStats out1) {
        final double b0 = shelf.b0(), b1 = shelf.b1(), b2 = shelf.b2(), a1 = shelf.a1(), a2 = shelf.a2();
        final double d1 = highPass.a1(), d2 = highPass.a2();
        int s = 8 * pair;
        double p1 = state[s], p2 = state[s + 1], p3 = state[s + 2], p4 = state[s + 3];
        double q1 = state[s + 4], q2 = state[s + 5], q3 = state[s + 6], q4 = state[s + 7];
        double weighted0 = 0, peak0 = 0, sum0 = 0, squares0 = 0;
        double weighted1 = 0, peak1 = 0, sum1 = 0, squares1 = 0;
        for (int i = from, end = from + n; i < end; i++) {
            float sample0 = x0[i];
            float sample1 = x1[i];
            float magnitude0 = Math.abs(sample0);
            float magnitude1 = Math.abs(sample1);
            peak0 = magnitude0 > peak0 ? magnitude0 : peak0;
            peak1 = magnitude1 > peak1 ? magnitude1 : peak1;
            double in0 = sample0;
            double in1 = sample1;
            sum0 += in0;
            sum1 += in1;
            squares0 += in0 * in0;
            squares1 += in1 * in1;
            // shelf, direct form II transposed
            double y0 = b0 * in0 + p1;
            double y1 = b0 * in1 + q1;
            p1 = b1 * in0 - a1 * y0 + p2;
            q1 = b1 * in1 - a1 * y1 + q2;
            p2 = b2 * in0 - a2 * y0;
            q2 = b2 * in1 - a2 * y1;
            // high-pass, numerator (1, -2, 1)
            double z0 = y0 + p3;
            double z1 = y1 + q3;
            p3 = -2 * y0 - d1 * z0 + p4;
            q3 = -2 * y1 - d1 * z1 + q4;
            p4 = y0 - d2 * z0;
            q4 = y1 - d2 * z1;
            weighted0 += z0 * z0;
            weighted1 += z1 * z1;
        }
        if (!Double.isFinite(p1 + p2 + p3 + p4 + q1 + q2 + q3 + q4)) {
            // A NaN or infinite input sample would otherwise poison the filter until reset.
            p1 = p2 = p3 = p4 = q1 = q2 = q3 = q4 = 0;
        }
        state[s] = p1;
        state[s + 1] = p2;
        state[s + 2] = p3;
        state[s + 3] = p4;
        state[s + 4] = q1;
        state[s + 5] = q2;
        state[s + 6] = q3;
        state[s + 7] = q4;
        out0.set(peak0, sum0, squares0, weighted0);
        out1.set(peak1, sum1, squares1, weighted1);
    }

    public void reset() {
        Arrays.fill(state, 0);
    }
}
