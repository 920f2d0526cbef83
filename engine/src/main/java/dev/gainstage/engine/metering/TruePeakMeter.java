package dev.gainstage.engine.metering;

/**
 * Inter-sample peaks per ITU-R BS.1770 Annex 2, to within 0.1 dB of the band-limited waveform: the
 * signal is oversampled 4x by a polyphase FIR interpolator, the peak between the oversampled points is
 * located by a parabola through the three around each maximum, and the largest |value| is taken.
 *
 * <p>Why this is accurate (TruePeakAccuracyTest checks it against a 16x reference with 256 taps per
 * phase at every rate from 44.1 to 192 kHz, on noise bursts, sweeps to 0.45 fs, clipped material and
 * the EBU Tech 3341 cases). Two errors add up:
 * <ul>
 * <li>The interpolation filter: a Kaiser-windowed (beta {@value #KAISER_BETA}) sinc cut off at the
 *     original Nyquist frequency, {@value #TAPS_PER_PHASE} taps per phase (BS.1770's example has 12,
 *     the previous filter here 24 at beta 7, 1.4 dB down at 0.45 fs in its middle phase). Its phases
 *     are flat within 0.001 dB to 0.4 fs and lose at most 0.043 dB at 0.45 fs.
 * <li>Sampling the reconstructed waveform: a peak between two oversampled points is under-read, for
 *     a sine at f by up to 1 - cos(pi f / 4 fs): 0.55 dB at 0.45 fs, 0.69 dB at Nyquist. More phases
 *     alone would need 16 to get under 0.04 dB (8 still leave 0.14 dB at 0.45 fs), four times the
 *     work. Instead, at each maximum of |value| on the 4x grid, the vertex of the parabola through it
 *     and its two neighbours is taken: for a sine at any phase that leaves at most 0.049 dB at 0.45 fs
 *     (0.074 dB at Nyquist), and it always errs low. The vertex is capped at sec(pi/8) times the
 *     point, the most by which a signal band-limited to Nyquist can exceed its largest 4x sample, so
 *     the bounds below hold for refined values too.
 * </ul>
 * The accuracy is relative to the sample rate (content near its Nyquist frequency is what is hard), so
 * every rate gets the same 4x filter: BS.1770's 2x from 96 kHz and none from 192 kHz under-read a
 * 0.45 fs tone by up to 2.4 dB and 16 dB.
 *
 * <p>Phase 0 of the prototype is a pure delay (a Nyquist filter): the samples are the sample peak, which
 * the caller combines; here they are only neighbours and centres of parabolas.
 *
 * <p>Speed, without changing the result:
 * <ul>
 * <li>The prototype is symmetric, so phase 3 is phase 1 reversed and phase 2 is its own mirror.
 *     Pairing x[n-k] with x[n-T+1+k] halves the multiplies: phase 2 is a sum over T/2 pairs, and
 *     phases 1 and 3 come out of P = y1 + y3 and Q = y1 - y3, each also over T/2 pairs, as
 *     y1 = (P + Q) / 2 and y3 = (P - Q) / 2.
 * <li>The sums over a run of chunks are {@link InterpolatorSums}: with the Vector API, a vector of outputs
 *     at a time with every tap pair added in a register; without it, one multiply-add sweep per tap pair
 *     over the run, which the JIT vectorises itself. Both give the same bits.
 * <li>Parabolas are fitted, in a scalar pass, only in chunks whose grid peak x sec(pi/8) exceeds the floor.
 * </ul>
 *
 * <p>Skipping what cannot matter, also without changing the result: a caller that keeps only the
 * largest peak passes the largest it already has as a floor. No value of a phase exceeds its sum of
 * |coefficients| (2.61, +8.3 dB, for the middle phase, the largest) times the largest |x| among its
 * taps, nor a vertex sec(pi/8) times that, so {@value #CHUNK}-sample chunks whose bound is at or below
 * the floor are not interpolated at all. That bound still leaves a third of the chunks of pink noise;
 * those get a second, {@link SmoothPeakBound}, which leaves 1 in 1000. A signal that sits at its peak
 * all the time, or is mostly high frequencies, costs the full interpolation. (No chunk is interpolated
 * at the middle phase only: a vertex needs all three.)
 */
public final class TruePeakMeter {
    public static final int TAPS_PER_PHASE = 48;
    static final int FACTOR = 4;
    static final double KAISER_BETA = 9.0;
    /** The most by which a signal band-limited to Nyquist exceeds its largest value on a 4x grid. */
    static final double VERTEX_CAP = 1 / Math.cos(Math.PI / (2 * FACTOR));
    /** Outputs that the bound test keeps or skips together; at least the taps' history, see below. */
    static final int CHUNK = 64;
    /** The longest run of adjacent chunks interpolated in one go: its sums stay in the L1 cache. */
    static final int RUN = 16 * CHUNK;
    /**
     * Head room on the bound for rounding: the sweeps add float pair sums and double products, whose
     * error is below 1e-6 of the bound, so a chunk skipped with this slack cannot hold a larger value.
     */
    static final double BOUND_SLACK = 1 + 1e-5;
    /** Half the taps: the sample at the centre of the taps of output n is x[n - HALF]. */
    static final int HALF = TAPS_PER_PHASE / 2;

    /**
     * Per sum computed (the middle phase, P = y1 + y3 and Q = y1 - y3), the weight of tap pair
     * k < T/2: of x[n-k] + x[n-T+1+k], or for Q of x[n-k] - x[n-T+1+k] ({@link #signs}).
     */
    private final double[][] weights = new double[3][HALF];

    private final float[] signs = {1, 1, -1};
    /** Per sum, its value at each output of the run and at the output before it (index 0). */
    private final double[][] sums = new double[3][RUN + 1];
    /** The largest sum of |coefficients| of a phase times {@link #VERTEX_CAP}: no value or vertex exceeds it x max |x|. */
    private final double gain;
    /** The second bound, on chunks that pass the first (see the class comment). */
    private final SmoothPeakBound smooth;

    private final InterpolatorSums sumsLoop;

    /**
     * Allocates everything; {@link #interSamplePeak} then allocates nothing, for any {@code n}. The same
     * filter serves every rate (see the class comment).
     */
    public TruePeakMeter(int sampleRate) {
        this(sampleRate, InterpolatorSums.best());
    }

    TruePeakMeter(int sampleRate, InterpolatorSums sumsLoop) {
        this.sumsLoop = sumsLoop;
        double[][] phases = design(FACTOR);
        System.arraycopy(phases[1], 0, weights[0], 0, HALF);
        double[] first = phases[0];
        for (int k = 0; k < HALF; k++) {
            weights[1][k] = first[k] + first[TAPS_PER_PHASE - 1 - k];
            weights[2][k] = first[k] - first[TAPS_PER_PHASE - 1 - k];
        }
        double largest = 1; // phase 0, the samples
        for (double[] phase : phases) {
            double sum = 0;
            for (double c : phase) {
                sum += Math.abs(c);
            }
            largest = Math.max(largest, sum);
        }
        this.gain = largest * VERTEX_CAP * BOUND_SLACK;
        this.smooth = new SmoothPeakBound(phases);
    }

    public int factor() {
        return FACTOR;
    }

    /** Samples before {@code from} that {@link #interSamplePeak} reads (the filter's memory, one more for a neighbour). */
    public static int history() {
        return TAPS_PER_PHASE;
    }

    /** Phases 1..factor-1: [p - 1][k] multiplies x[n - k] to give the value at n - T/2 + p/factor. */
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
     * Largest |interpolated value| for samples {@code from .. from+n-1} of a contiguous channel buffer:
     * of the 4x points strictly between samples and of the parabola vertices around them and around
     * the samples; the samples themselves are the caller's. {@link #history()} samples before
     * {@code from} must hold the channel's preceding samples (zeros at the start).
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
        double peak = 0;
        double limit = floor;
        int end = from + n;
        int run = -1; // start of the chunks waiting to be interpolated, -1 when none
        // CHUNK >= history(): the previous chunk's peak covers a chunk's taps before its first sample.
        float previous = magnitudePeak(x, from - history(), from);
        for (int start = from; start < end || run >= 0; start += CHUNK) {
            boolean needed = false;
            if (start < end) {
                int chunkEnd = Math.min(end, start + CHUNK);
                float own = magnitudePeak(x, start, chunkEnd);
                float taps = Math.max(own, previous);
                needed = !(gain * taps <= limit) // NaN samples are interpolated
                        && !(smooth.of(x, start, chunkEnd, taps) <= limit);
                previous = own;
            }
            if (needed && run < 0) {
                run = start;
            }
            int stop = Math.min(start, end);
            if (run >= 0 && (!needed || stop - run == RUN)) { // the run ends before this chunk
                peak = Math.max(peak, interpolatedPeak(x, run, stop - run, limit));
                limit = Math.max(limit, peak);
                run = needed ? start : -1;
            }
        }
        return peak;
    }

    static float magnitudePeak(float[] x, int from, int to) {
        float peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    /**
     * Every phase between samples {@code from .. from+n-1} (a run of at most {@link #RUN}) and at the
     * output before them (the left neighbour of the run's first sample), then the vertices where they
     * can rise above {@code limit}; the largest |value|. The sums are {@link InterpolatorSums}' (vector lanes
     * where the JVM has them).
     */
    private double interpolatedPeak(float[] x, int from, int n, double limit) {
        sumsLoop.compute(weights, signs, x, from - 1, TAPS_PER_PHASE - 1, sums, n + 1);
        double peak = 0;
        for (int lo = 1; lo <= n; lo += CHUNK) { // vertices only in chunks where they can exceed limit
            int hi = Math.min(n, lo + CHUNK - 1);
            double grid = gridPeak(lo, hi);
            peak = Math.max(peak, grid);
            float centres = magnitudePeak(x, from + lo - 1 - HALF, from + hi - HALF);
            if (!(Math.max(grid, centres) * VERTEX_CAP <= limit)) {
                peak = Math.max(peak, vertexPeak(x, from, lo, hi, limit));
            }
        }
        return peak;
    }

    /** max(|y2|, (|P| + |Q|) / 2) over outputs lo..hi, the last being max(|y1|, |y3|). */
    private double gridPeak(int lo, int hi) {
        double[] middle = sums[0];
        double[] p = sums[1];
        double[] q = sums[2];
        double peak = 0;
        for (int i = lo; i <= hi; i++) {
            peak = Math.max(peak, Math.max(Math.abs(middle[i]), (Math.abs(p[i]) + Math.abs(q[i])) * 0.5));
        }
        return peak;
    }

    /**
     * The largest vertex around the 4x points of outputs {@code lo..hi} (sample from + i - 1): per position,
     * the sample x[i - T/2] and y1, y2, y3 after it, each with its neighbours, where a point exceeds
     * {@code limit} / sec(pi/8) (no other vertex can exceed {@code limit}).
     */
    private double vertexPeak(float[] x, int from, int lo, int hi, double limit) {
        double[] middle = sums[0];
        double[] p = sums[1];
        double[] q = sums[2];
        double threshold = limit / (VERTEX_CAP * BOUND_SLACK);
        double peak = 0;
        double before = (p[lo - 1] - q[lo - 1]) * 0.5; // y3 of the output before
        for (int i = lo; i <= hi; i++) {
            double g0 = x[from + i - 1 - HALF];
            double g1 = (p[i] + q[i]) * 0.5;
            double g2 = middle[i];
            double g3 = (p[i] - q[i]) * 0.5;
            double top = Math.max(Math.max(Math.abs(g0), Math.abs(g1)), Math.max(Math.abs(g2), Math.abs(g3)));
            if (!(top <= threshold)) {
                double after = x[from + i - HALF];
                peak = Math.max(peak, Math.max(vertex(before, g0, g1), vertex(g0, g1, g2)));
                peak = Math.max(peak, Math.max(vertex(g1, g2, g3), vertex(g2, g3, after)));
            }
            before = g3;
        }
        return peak;
    }

    /**
     * The vertex |value| of the parabola through three adjacent 4x points when the middle one is a
     * maximum of |value| (else 0), capped at sec(pi/8) times it.
     */
    static double vertex(double left, double centre, double right) {
        double b = Math.abs(centre);
        if (!(b >= Math.abs(left) && b >= Math.abs(right))) {
            return 0;
        }
        double a = centre < 0 ? -left : left;
        double c = centre < 0 ? -right : right;
        double curvature = 2 * b - a - c;
        if (!(curvature > 0)) {
            return b;
        }
        double slope = c - a;
        return Math.min(b + slope * slope / (8 * curvature), b * VERTEX_CAP);
    }
}
