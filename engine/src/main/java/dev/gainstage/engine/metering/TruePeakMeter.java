package dev.gainstage.engine.metering;

/**
 * Inter-sample peaks per ITU-R BS.1770 Annex 2: the signal is oversampled (4x below 96 kHz, 2x below
 * 192 kHz, none from 192 kHz) by a polyphase FIR interpolator and the largest |value| is taken.
 *
 * <p>The prototype low-pass is a Kaiser-windowed sinc cut off at the original Nyquist frequency with
 * {@value #TAPS_PER_PHASE} taps per phase (BS.1770's example interpolator has 12). Its phase 0 is a
 * pure delay (a Nyquist filter), so only the phases between the samples are computed; the samples
 * themselves are the sample peak, which the caller combines.
 *
 * <p>Speed, without changing the result:
 * <ul>
 * <li>The prototype is symmetric, so phase {@code L-p} is phase {@code p} reversed, and the middle
 *     phase is its own mirror. Pairing x[n-k] with x[n-T+1+k] halves the multiplies: the middle phase
 *     is a sum over T/2 pairs, and phases 1 and 3 of 4x come out of P = y1 + y3 and Q = y1 - y3,
 *     each also over T/2 pairs, as max(|y1|, |y3|) = (|P| + |Q|) / 2.
 * <li>Each sum is evaluated as one multiply-add sweep per tap pair over a run of chunks, and the
 *     accumulators are double[] while the input is float[]: arrays of different element types cannot
 *     alias, so the JIT vectorises the sweep (with a float[] accumulator it must assume a store may feed
 *     a later load and runs it scalar, measured 4x slower). A sweep over several pairs at once is not
 *     vectorised at all (its loop body is too large for the JIT to unroll).
 * </ul>
 *
 * <p>Skipping what cannot matter, also without changing the result: a caller that keeps only the
 * largest peak passes the largest it already has as a floor. No value of a phase exceeds its sum of
 * |coefficients| (2.25, +7 dB, for the middle phase; 1.90 for the others) times the largest |x|
 * among its taps, so {@value #CHUNK}-sample chunks whose bound is at or below the floor are not
 * interpolated at all, and those only the middle phase could lift are interpolated there only.
 * Programme material has a crest factor of 10..20 dB, so once the floor is near the signal's peak
 * most chunks are skipped (about 85 % of a 300 s pink-noise file); a signal that sits at its peak
 * all the time costs what it did before.
 */
public final class TruePeakMeter {
    public static final int TAPS_PER_PHASE = 24;
    static final double KAISER_BETA = 7.0;
    /** Outputs that the bound test keeps or skips together; at least the taps' history, see below. */
    static final int CHUNK = 64;
    /** The longest run of adjacent chunks interpolated in one go: its sums stay in the L1 cache. */
    static final int RUN = 16 * CHUNK;
    /**
     * Head room on the bound for rounding: the sweeps add float pair sums and double products, whose
     * error is below 1e-6 of the bound, so a chunk skipped with this slack cannot hold a larger value.
     */
    private static final double BOUND_SLACK = 1 + 1e-5;

    private final int factor;
    /**
     * Per sum computed (the middle phase; for 4x also P = y1 + y3 and Q = y1 - y3), the weight of tap
     * pair k < T/2: of x[n-k] + x[n-T+1+k], or for Q of x[n-k] - x[n-T+1+k] ({@link #signs}).
     */
    private final double[][] weights;

    private final float[] signs;
    /** Per sum, its value at each output of the run. */
    private final double[][] sums;
    /**
     * The sums of |coefficients| of the middle phase and the largest of the others (2.25 and 1.90 at
     * 4x): no value of a phase exceeds its gain times max |x|. Chunks that only the middle phase can
     * make rise above the floor are interpolated at the middle only, a third of the work.
     */
    private final double middleGain;

    private final double outerGain;

    /** Allocates everything; {@link #interSamplePeak} then allocates nothing, for any {@code n}. */
    public TruePeakMeter(int sampleRate) {
        this.factor = oversampling(sampleRate);
        double[][] phases = design(factor);
        int half = TAPS_PER_PHASE / 2;
        int count = factor == 4 ? 3 : factor == 2 ? 1 : 0;
        this.weights = new double[count][half];
        this.signs = new float[] {1, 1, -1};
        this.sums = new double[count][RUN];
        if (factor > 1) {
            System.arraycopy(phases[factor / 2 - 1], 0, weights[0], 0, half);
        }
        if (factor == 4) {
            double[] first = phases[0];
            for (int k = 0; k < half; k++) {
                weights[1][k] = first[k] + first[TAPS_PER_PHASE - 1 - k];
                weights[2][k] = first[k] - first[TAPS_PER_PHASE - 1 - k];
            }
        }
        double middle = 0;
        double outer = 0;
        for (int p = 0; p < phases.length; p++) {
            double sum = 0;
            for (double c : phases[p]) {
                sum += Math.abs(c);
            }
            if (p == factor / 2 - 1) {
                middle = sum;
            } else {
                outer = Math.max(outer, sum);
            }
        }
        this.middleGain = middle * BOUND_SLACK;
        this.outerGain = outer * BOUND_SLACK;
    }

    public static int oversampling(int sampleRate) {
        return sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
    }

    public int factor() {
        return factor;
    }

    /** Samples before {@code from} that {@link #interSamplePeak} reads (the filter's memory). */
    public static int history() {
        return TAPS_PER_PHASE - 1;
    }

    /** Phases 1..factor-1: [p - 1][k] multiplies x[n - k] to give the value p/factor past a sample. */
    static double[][] design(int factor) {
        int length = factor * TAPS_PER_PHASE + 1;
        double centre = (length - 1) / 2.0;
        double norm = WindowedSinc.besselI0(KAISER_BETA);
        double[][] c = new double[factor - 1][TAPS_PER_PHASE];
        for (int p = 1; p < factor; p++) {
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                int j = p + factor * k;
                double t = (j - centre) / factor;
                double r = (j - centre) / centre;
                double window = WindowedSinc.besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
                c[p - 1][k] = WindowedSinc.sinc(t) * window;
            }
        }
        return c;
    }

    /**
     * Largest |interpolated value| strictly between samples for samples {@code from .. from+n-1} of a
     * contiguous channel buffer; {@link #history()} samples before {@code from} must hold the channel's
     * preceding samples (zeros at the start). Returns 0 when no oversampling applies.
     */
    public double interSamplePeak(float[] x, int from, int n) {
        return interSamplePeak(x, from, n, 0);
    }

    /**
     * Like {@link #interSamplePeak(float[], int, int)} wherever that exceeds {@code floor}; otherwise
     * some value no larger than {@code floor}. So {@code max(floor, result)} is exact, and chunks
     * that cannot rise above {@code floor} are skipped.
     */
    public double interSamplePeak(float[] x, int from, int n, double floor) {
        if (factor == 1) {
            return 0;
        }
        double peak = 0;
        double limit = floor;
        int end = from + n;
        int run = -1; // start of the chunks waiting to be interpolated, -1 when none
        boolean runOuter = false; // whether a chunk of the run needs the outer phases too
        // CHUNK >= history(): the previous chunk's peak covers a chunk's taps before its first sample.
        float previous = magnitudePeak(x, from - history(), from);
        for (int start = from; start < end || run >= 0; start += CHUNK) {
            boolean needed = false;
            boolean outer = false;
            if (start < end) {
                float own = magnitudePeak(x, start, Math.min(end, start + CHUNK));
                float taps = Math.max(own, previous);
                outer = !(outerGain * taps <= limit); // NaN samples are interpolated
                needed = outer || !(middleGain * taps <= limit);
                previous = own;
            }
            if (needed && run < 0) {
                run = start;
            }
            int stop = Math.min(start, end);
            if (run >= 0 && (!needed || stop - run == RUN)) { // the run ends before this chunk
                peak = Math.max(peak, interpolatedPeak(x, run, stop - run, runOuter));
                limit = Math.max(limit, peak);
                run = needed ? start : -1;
                runOuter = false;
            }
            runOuter |= outer;
        }
        return peak;
    }

    private static float magnitudePeak(float[] x, int from, int to) {
        float peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    /**
     * Every phase between samples {@code from .. from+n-1} (a run of at most {@link #RUN}), or only
     * the middle one when the others cannot rise above the floor; the largest |value|. Each sum is
     * built one tap pair at a time, a multiply-add sweep over the run, the sweep a small method of
     * its own: the JIT compiles it early, after a few runs, while a method holding all the loops ran
     * its first calls in the interpreter (8 % of a cold run). The sums start at zero, as the
     * reductions leave them.
     */
    private double interpolatedPeak(float[] x, int from, int n, boolean outer) {
        int last = TAPS_PER_PHASE - 1;
        int used = outer ? weights.length : 1;
        for (int s = 0; s < used; s++) {
            double[] w = weights[s];
            double[] out = sums[s];
            float sign = signs[s];
            for (int k = 0; k < w.length; k++) {
                add(w[k], x, from - k, from - last + k, sign, out, n);
            }
        }
        return used == 3 ? peakOf4x(n) : peakOfMiddle(n);
    }

    /** out[i] += c * (x[near + i] + sign * x[far + i]); sign is +1 or -1, so the pair sum is exactly x + y or x - y. */
    private static void add(double c, float[] x, int near, int far, float sign, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] += c * (x[near + i] + sign * x[far + i]);
        }
    }

    /** max(|middle|, (|P| + |Q|) / 2), the last being max(|y1|, |y3|); clears the sums for the next run. */
    private double peakOf4x(int n) {
        double[] middle = sums[0];
        double[] p = sums[1];
        double[] q = sums[2];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, Math.max(Math.abs(middle[i]), (Math.abs(p[i]) + Math.abs(q[i])) * 0.5));
            middle[i] = 0;
            p[i] = 0;
            q[i] = 0;
        }
        return peak;
    }

    private double peakOfMiddle(int n) {
        double[] middle = sums[0];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, Math.abs(middle[i]));
            middle[i] = 0;
        }
        return peak;
    }
}
