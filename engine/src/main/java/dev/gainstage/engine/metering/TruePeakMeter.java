package dev.gainstage.engine.metering;

/**
 * Inter-sample peaks per ITU-R BS.1770 Annex 2: the signal is oversampled (4x below 96 kHz, 2x below
 * 192 kHz, none from 192 kHz) by a polyphase FIR interpolator and the largest |value| is taken.
 *
 * <p>The prototype low-pass is a Kaiser-windowed sinc cut off at the original Nyquist frequency with
 * {@value #TAPS_PER_PHASE} taps per phase. Its phase 0 is a pure delay (a Nyquist filter), so only the
 * phases between the samples are computed; the samples themselves are the sample peak, which the
 * caller combines. Each phase is evaluated as a few multiply-add sweeps over the whole segment
 * (rather than one dot product per output) because that form is vectorised by the JIT.
 */
public final class TruePeakMeter {
    public static final int TAPS_PER_PHASE = 24;
    static final double KAISER_BETA = 6.5;

    private final int factor;
    /** coefficients[p - 1][k] multiplies x[n - k] to give the interpolated value at n + p/factor. */
    private final float[][] coefficients;
    private final float[] acc;

    /**
     * @param maxSegment the largest {@code n} that {@link #interSamplePeak} will be called with
     */
    public TruePeakMeter(int sampleRate, int maxSegment) {
        this.factor = oversampling(sampleRate);
        this.coefficients = design(factor);
        this.acc = new float[factor > 1 ? maxSegment : 0];
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

    static float[][] design(int factor) {
        int length = factor * TAPS_PER_PHASE + 1;
        double centre = (length - 1) / 2.0;
        double norm = besselI0(KAISER_BETA);
        float[][] c = new float[factor - 1][TAPS_PER_PHASE];
        for (int p = 1; p < factor; p++) {
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                int j = p + factor * k;
                double t = (j - centre) / factor;
                double r = (j - centre) / centre;
                double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
                c[p - 1][k] = (float) (sinc(t) * window);
            }
        }
        return c;
    }

    private static double sinc(double t) {
        return t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    /**
     * Largest |interpolated value| strictly between samples for samples {@code from .. from+n-1} of a
     * contiguous channel buffer; {@link #history()} samples before {@code from} must hold the channel's
     * preceding samples (zeros at the start). Returns 0 when no oversampling applies.
     */
    public float interSamplePeak(float[] x, int from, int n) {
        float max = 0;
        float min = 0;
        for (float[] h : coefficients) {
            for (int k = 0; k < TAPS_PER_PHASE; k += 4) {
                float c0 = h[k], c1 = h[k + 1], c2 = h[k + 2], c3 = h[k + 3];
                int b = from - k;
                if (k == 0) {
                    for (int i = 0; i < n; i++) {
                        acc[i] = c0 * x[b + i] + c1 * x[b - 1 + i] + c2 * x[b - 2 + i] + c3 * x[b - 3 + i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        acc[i] += c0 * x[b + i] + c1 * x[b - 1 + i] + c2 * x[b - 2 + i] + c3 * x[b - 3 + i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                max = Math.max(max, acc[i]);
                min = Math.min(min, acc[i]);
            }
        }
        return Math.max(max, -min);
    }
}
