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
    /** Direct form II transposed state, 4 doubles per channel: shelf s1, s2, high-pass h1, h2. */
    private final double[] state;

    public KWeightingFilter(int sampleRate, int channels) {
        this.shelf = shelf(sampleRate);
        this.highPass = highPass(sampleRate);
        this.state = new double[4 * channels];
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
     * Filters {@code n} samples of one channel (contiguous, from {@code from}) and measures them:
     * peak, sum and sum of squares of the input and sum of squares of the K-weighted signal, into
     * {@code out}. State is kept per channel, so blocks may be of any size. The raw statistics ride
     * along in this loop because the filter's recursion leaves the CPU idle between samples anyway.
     */
    void filterAndMeasure(int channel, float[] x, int from, int n, SegmentStats out) {
        final double b0 = shelf.b0(), b1 = shelf.b1(), b2 = shelf.b2(), a1 = shelf.a1(), a2 = shelf.a2();
        final double d1 = highPass.a1(), d2 = highPass.a2();
        int s = 4 * channel;
        double s1 = state[s], s2 = state[s + 1], h1 = state[s + 2], h2 = state[s + 3];
        double weighted = 0;
        double peak = 0;
        double sum = 0;
        double squares = 0;
        for (int i = from, end = from + n; i < end; i++) {
            float sample = x[i];
            float magnitude = Math.abs(sample);
            if (magnitude > peak) {
                peak = magnitude;
            }
            double in = sample;
            sum += in;
            squares += in * in;
            double y = b0 * in + s1;
            s1 = b1 * in - a1 * y + s2;
            s2 = b2 * in - a2 * y;
            // high-pass numerator is (1, -2, 1)
            double z = y + h1;
            h1 = -2 * y - d1 * z + h2;
            h2 = y - d2 * z;
            weighted += z * z;
        }
        if (!Double.isFinite(s1 + s2 + h1 + h2)) {
            // A NaN or infinite input sample would otherwise poison the filter until reset.
            s1 = s2 = h1 = h2 = 0;
        }
        state[s] = s1;
        state[s + 1] = s2;
        state[s + 2] = h1;
        state[s + 3] = h2;
        out.peak = peak;
        out.sum = sum;
        out.squares = squares;
        out.weightedSquares = weighted;
    }

    public void reset() {
        Arrays.fill(state, 0);
    }
}
