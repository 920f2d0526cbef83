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

    /** Frames per call of the per-sample loop; see {@link #filterChunk}. */
    static final int CHUNK = 32;

    // Package-private for the lanes that filter several mono taps at once (KWeightingLanes).
    final double b0;
    final double b1;
    final double b2;
    final double a1;
    final double a2;
    final double d1;
    final double d2;
    /** Direct form II transposed state, per channel pair: shelf s1, s2, high-pass h1, h2 of each. */
    final double[] state;
    /**
     * The sums of the segment being filtered: weighted squares, peak, sum, squares of each channel of
     * the pair, then the sum of their products.
     */
    private final double[] measured = new double[9];

    public KWeightingFilter(int sampleRate, int channels) {
        Biquad shelf = shelf(sampleRate);
        Biquad highPass = highPass(sampleRate);
        this.b0 = shelf.b0();
        this.b1 = shelf.b1();
        this.b2 = shelf.b2();
        this.a1 = shelf.a1();
        this.a2 = shelf.a2();
        this.d1 = highPass.a1();
        this.d2 = highPass.a2();
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
     * Filters {@code n} frames of a pair of channels of an interleaved block (their first samples at
     * {@code first} and {@code second}, {@code stride} apart) and measures them: peak, sum and sum of
     * squares of the input and sum of squares of the K-weighted signal, into {@code out0} and
     * {@code out1}, and the sum of their products into {@code out0}. State is kept per pair, so blocks
     * may be of any size. An odd last channel is passed as both of its pair ({@code out1} is then a
     * copy to ignore), which costs nothing extra.
     *
     * <p>Why pairs: the filter's recursion makes each sample wait for the previous one, so one channel
     * leaves the CPU mostly idle; two independent channels in the same loop run in the gaps (measured
     * 1.6x the throughput). The raw statistics and the products (for correlation) ride along for the
     * same reason, and reading the interleaved block directly saves a copy per channel.
     */
    public void filterAndMeasure(
            int pair, float[] x, int first, int second, int stride, int n, SegmentStats out0, SegmentStats out1) {
        run(this, 8 * pair, x, first, this, 8 * pair + 4, x, second, stride, n, out0, out1);
    }

    /**
     * The same for two mono taps at the same rate, each with its own filter ({@code a}'s coefficients
     * serve both, being the same): {@code n} samples of each from {@code firstA} and {@code firstB}. Each
     * runs as one lane of the pair loop, so each gets the same bits as alone, where its lane's twin is a copy
     * of itself; the products ({@code outA.products}) are of the two taps and mean nothing. Used by
     * {@link ScalarKWeightingLanes}.
     */
    static void filterAndMeasurePair(
            KWeightingFilter a,
            float[] xa,
            int firstA,
            KWeightingFilter b,
            float[] xb,
            int firstB,
            int n,
            SegmentStats outA,
            SegmentStats outB) {
        run(a, 0, xa, firstA, b, 0, xb, firstB, 1, n, outA, outB);
    }

    /** Lane 0: filter {@code f0}'s state from {@code s0}, its samples from x0; lane 1 likewise. */
    private static void run(
            KWeightingFilter f0,
            int s0,
            float[] x0,
            int first0,
            KWeightingFilter f1,
            int s1,
            float[] x1,
            int first1,
            int stride,
            int n,
            SegmentStats out0,
            SegmentStats out1) {
        double[] m = f0.measured;
        Arrays.fill(m, 0);
        for (int done = 0; done < n; done += CHUNK) {
            int at = done * stride;
            f0.filterChunk(
                    f0.state, s0, x0, first0 + at, f1.state, s1, x1, first1 + at, stride, Math.min(CHUNK, n - done));
        }
        if (!(finite(f0.state, s0) && finite(f1.state, s1))) {
            // A NaN or infinite input sample would otherwise poison the filter until reset.
            Arrays.fill(f0.state, s0, s0 + 4, 0);
            Arrays.fill(f1.state, s1, s1 + 4, 0);
        }
        out0.set(m[1], m[2], m[3], m[0], m[8]);
        out1.set(m[5], m[6], m[7], m[4], m[8]);
    }

    static boolean finite(double[] state, int s) {
        return Double.isFinite(state[s] + state[s + 1] + state[s + 2] + state[s + 3]);
    }

    /**
     * The per-sample loop over at most {@value #CHUNK} frames, continuing the pair's state and the
     * sums in {@link #measured}, so a segment gives the same bits as one loop over it. Why chunks: the
     * JIT's optimising compiler takes a method after about a thousand calls, or a loop on its own
     * (a second compile, used only by the call running it) after about 40 000 iterations in slower
     * code. Called once per 50 ms segment, this loop ran its first tenth of a 300 s file in the slower
     * code; at 64 frames a call the loop's own compile still came first, at 32 the method's does.
     */
    private void filterChunk(
            double[] state0,
            int s0,
            float[] x,
            int first,
            double[] state1,
            int s1,
            float[] y,
            int second,
            int stride,
            int n) {
        final double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2;
        final double d1 = this.d1, d2 = this.d2;
        final double[] m = measured;
        double p1 = state0[s0], p2 = state0[s0 + 1], p3 = state0[s0 + 2], p4 = state0[s0 + 3];
        double q1 = state1[s1], q2 = state1[s1 + 1], q3 = state1[s1 + 2], q4 = state1[s1 + 3];
        double weighted0 = m[0], peak0 = m[1], sum0 = m[2], squares0 = m[3];
        double weighted1 = m[4], peak1 = m[5], sum1 = m[6], squares1 = m[7];
        double products = m[8];
        for (int i = 0; i < n; i++) {
            float sample0 = x[first + i * stride];
            float sample1 = y[second + i * stride];
            float magnitude0 = Math.abs(sample0);
            float magnitude1 = Math.abs(sample1);
            peak0 = magnitude0 > peak0 ? magnitude0 : peak0;
            peak1 = magnitude1 > peak1 ? magnitude1 : peak1;
            products += sample0 * sample1;
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
        state0[s0] = p1;
        state0[s0 + 1] = p2;
        state0[s0 + 2] = p3;
        state0[s0 + 3] = p4;
        state1[s1] = q1;
        state1[s1 + 1] = q2;
        state1[s1 + 2] = q3;
        state1[s1 + 3] = q4;
        m[0] = weighted0;
        m[1] = peak0;
        m[2] = sum0;
        m[3] = squares0;
        m[4] = weighted1;
        m[5] = peak1;
        m[6] = sum1;
        m[7] = squares1;
        m[8] = products;
    }

    public void reset() {
        Arrays.fill(state, 0);
    }
}
