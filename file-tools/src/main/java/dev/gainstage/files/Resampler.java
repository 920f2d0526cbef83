package dev.gainstage.files;

import dev.gainstage.engine.metering.WindowedSinc;

/**
 * Band-limited sample-rate conversion of interleaved audio, streamed: a Kaiser-windowed sinc
 * evaluated as a polyphase filter, linear phase and centred, so a resampled stem stays in time (and
 * in phase) with stems at the output rate. The cutoff sits just below the lower rate's Nyquist
 * frequency: the passband is flat (well inside 0.01 dB) to about 85% of it, and what lies above the
 * lower Nyquist frequency is attenuated by about 90 dB instead of folding back as aliases or images.
 *
 * <p>The ratio is reduced to L/M; each output sample sits at input time k*M/L, between two input
 * samples at one of L phases. Up to {@link #MAX_PHASES} phases each get a row of coefficients (exact);
 * for the odd ratio with more, rows at {@link #MAX_PHASES} phases are interpolated linearly, an error
 * far below the stopband. Each row is normalised to a gain of exactly 1 at DC.
 *
 * <p>Use: {@link #push} input (at most {@code maxInputFrames} at a time, and only once {@link #pull}
 * has taken all it could), {@link #pull} output, and {@link #finish} at the end of the input; then
 * pull the rest. Everything is allocated in the constructor.
 */
final class Resampler {
    /** Zero crossings of the sinc on each side: the filter's length, so its steepness. */
    private static final int ZERO_CROSSINGS = 40;
    /** The cutoff as a fraction of the lower Nyquist frequency, leaving room for the transition band. */
    private static final double ROLLOFF = 0.92;
    /** Kaiser window shape for about 90 dB of stopband attenuation. */
    private static final double KAISER_BETA = 9.0;

    static final int MAX_PHASES = 4096;

    private final int channels;
    private final int up; // L
    private final int down; // M
    private final int taps;
    private final int phases;
    private final float[][] rows;
    private final float[] scratch;

    /** The input history, interleaved; frame 0 is input index {@code histStart} (negative: the zeros before it). */
    private final float[] hist;

    private long histStart;
    private int histFrames;

    /** The next output: it sits at input time {@code n + phase / up}. */
    private long n;

    private int phase;
    private long produced;
    private long inputFrames;
    /** After {@link #finish()}: the output's length, ceil(input * L / M); until then, no limit. */
    private long outputLimit = Long.MAX_VALUE;

    Resampler(int inRate, int outRate, int channels, int maxInputFrames) {
        if (inRate < 1 || outRate < 1 || channels < 1 || maxInputFrames < 1) {
            throw new IllegalArgumentException("resampler needs positive rates, channels and block, got " + inRate
                    + " -> " + outRate + " Hz, " + channels + " ch, " + maxInputFrames + " frames");
        }
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.channels = channels;
        double cutoff = 0.5 * Math.min(1.0, up / (double) down) * ROLLOFF; // cycles per input sample
        double halfWidth = ZERO_CROSSINGS / (2 * cutoff); // input samples each side
        int half = (int) Math.ceil(halfWidth);
        this.taps = 2 * half;
        this.phases = Math.min(up, MAX_PHASES);
        this.rows = new float[phases + 1][];
        for (int r = 0; r <= phases; r++) {
            rows[r] = row(r / (double) phases, half, cutoff, halfWidth);
        }
        this.scratch = new float[taps];
        this.hist = new float[(maxInputFrames + 2 * taps) * channels];
        // The input before the first sample is silence: the first output's left half reads these zeros.
        this.histStart = -(half - 1);
        this.histFrames = half - 1;
    }

    /**
     * The coefficients for an output at {@code frac} (0..1) past an input sample n, for inputs
     * n-half+1 .. n+half; normalised to sum 1.
     */
    private static float[] row(double frac, int half, double cutoff, double halfWidth) {
        double[] h = new double[2 * half];
        double sum = 0;
        for (int t = 0; t < h.length; t++) {
            double d = t - half + 1 - frac; // distance in input samples from the output's time
            double x = d / halfWidth;
            if (Math.abs(x) >= 1) {
                continue;
            }
            double s = 2 * cutoff * WindowedSinc.sinc(2 * cutoff * d);
            h[t] = s * WindowedSinc.besselI0(KAISER_BETA * Math.sqrt(1 - x * x));
            sum += h[t];
        }
        float[] row = new float[h.length];
        for (int t = 0; t < h.length; t++) {
            row[t] = (float) (h[t] / sum);
        }
        return row;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Appends input frames. Pull first: the history keeps only what the next output still needs. */
    void push(float[] in, int frames) {
        if (outputLimit != Long.MAX_VALUE) {
            throw new IllegalStateException("input pushed after finish()");
        }
        compact();
        if ((histFrames + frames) * channels > hist.length) {
            throw new IllegalStateException("push of " + frames + " frames onto " + histFrames
                    + " held: pull what is ready first, and push at most the block given at construction");
        }
        System.arraycopy(in, 0, hist, histFrames * channels, frames * channels);
        histFrames += frames;
        inputFrames += frames;
    }

    /** Ends the input: the silence after it lets the last outputs be computed, and the output ends on time. */
    void finish() {
        if (outputLimit != Long.MAX_VALUE) {
            return;
        }
        compact();
        int pad = taps / 2;
        if ((histFrames + pad) * channels > hist.length) {
            throw new IllegalStateException("finish() with " + histFrames + " frames held: pull what is ready first");
        }
        java.util.Arrays.fill(hist, histFrames * channels, (histFrames + pad) * channels, 0f);
        histFrames += pad;
        outputLimit = (inputFrames * up + down - 1) / down;
    }

    /** Whether {@link #finish()} was called and all the output has been pulled. */
    boolean done() {
        return produced >= outputLimit;
    }

    /**
     * Writes up to {@code maxFrames} output frames into {@code out} from frame {@code offset} on; returns
     * how many (0: push or finish first).
     */
    int pull(float[] out, int offset, int maxFrames) {
        int made = 0;
        long end = histStart + histFrames;
        while (made < maxFrames && produced < outputLimit && n + taps / 2 < end) {
            float[] c = coefficients();
            int base = (int) (n - taps / 2 + 1 - histStart) * channels;
            for (int ch = 0; ch < channels; ch++) {
                float acc = 0;
                for (int t = 0, i = base + ch; t < taps; t++, i += channels) {
                    acc += c[t] * hist[i];
                }
                out[(offset + made) * channels + ch] = acc;
            }
            made++;
            produced++;
            phase += down;
            n += phase / up;
            phase %= up;
        }
        return made;
    }

    /** The row for the current phase: one of the table's, or (more phases than rows) between two of them. */
    private float[] coefficients() {
        if (phases == up) {
            return rows[phase];
        }
        double pos = phase * (double) phases / up;
        int r = (int) pos;
        float frac = (float) (pos - r);
        float[] a = rows[r];
        float[] b = rows[r + 1];
        for (int t = 0; t < taps; t++) {
            scratch[t] = a[t] + frac * (b[t] - a[t]);
        }
        return scratch;
    }

    /** Drops the frames no output still needs, moving the rest to the front. */
    private void compact() {
        long firstNeeded = n - taps / 2 + 1;
        int drop = (int) Math.min(histFrames, Math.max(0, firstNeeded - histStart));
        if (drop > 0) {
            System.arraycopy(hist, drop * channels, hist, 0, (histFrames - drop) * channels);
            histFrames -= drop;
            histStart += drop;
        }
    }
}
