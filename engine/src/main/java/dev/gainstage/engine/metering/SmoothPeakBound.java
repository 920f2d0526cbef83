package dev.gainstage.engine.metering;

import static dev.gainstage.engine.metering.TruePeakMeter.BOUND_SLACK;
import static dev.gainstage.engine.metering.TruePeakMeter.FACTOR;
import static dev.gainstage.engine.metering.TruePeakMeter.HALF;
import static dev.gainstage.engine.metering.TruePeakMeter.TAPS_PER_PHASE;
import static dev.gainstage.engine.metering.TruePeakMeter.VERTEX_CAP;

/**
 * A bound on the {@link TruePeakMeter}'s values and vertices over a chunk that is tight on smooth
 * signals, for the chunks that pass its bound on max |x| (9 dB above the samples). Each phase is
 * split into the line between its two centre samples, which never exceeds the larger of them, and a
 * remainder that vanishes on every straight line, so it is a filter on the taps' second differences
 * x[j-1] - 2 x[j] + x[j+1] (its sum of |coefficients| is 0.49 for the middle phase, 0.36 for the
 * others). Programme material is mostly low frequencies, so its second differences are small: on a
 * 300 s pink-noise file (crest factor 16 dB) this leaves 1 chunk in 1000 within reach of the peak,
 * where the bound on max |x| alone leaves 1 in 3.
 */
final class SmoothPeakBound {
    /** The largest over the phases of the line's gain (1 plus the DC and delay errors, below 1e-4). */
    private final double linear;
    /** The largest over the phases of the sum of |coefficients| on second differences. */
    private final double curvature;

    /** {@code phases} as {@link TruePeakMeter#design} makes them. */
    SmoothPeakBound(double[][] phases) {
        double mostLinear = 1; // phase 0, the samples
        double mostCurvature = 0;
        for (int p = 1; p < FACTOR; p++) {
            double[] split = split(phases[p - 1], (double) p / FACTOR);
            mostLinear = Math.max(mostLinear, split[0]);
            mostCurvature = Math.max(mostCurvature, split[1]);
        }
        this.linear = mostLinear;
        this.curvature = mostCurvature;
    }

    /**
     * Splits a phase h (its value {@code a} past x[n - T/2], h[k] multiplying x[n - k]) into the line
     * between its two centre samples, corrected by e so that the remainder has no DC gain and no
     * delay (the phase's differ from the line's by below 1e-4), and that remainder, which is then a
     * filter g on second differences: g is the remainder summed twice. Returns
     * {|1 - a + e_centre| + |a + e_next|, sum |g|}.
     */
    private static double[] split(double[] h, double a) {
        double[] r = h.clone();
        r[HALF] -= 1 - a;
        r[HALF - 1] -= a;
        double m0 = 0;
        double m1 = 0;
        for (int k = 0; k < TAPS_PER_PHASE; k++) {
            m0 += r[k];
            m1 += k * r[k];
        }
        double centre = m1 - (HALF - 1) * m0; // e at x[n - T/2] and at x[n - T/2 + 1] null both moments
        double next = m0 - centre;
        r[HALF] -= centre;
        r[HALF - 1] -= next;
        double once = 0;
        double twice = 0;
        double sum = 0;
        for (int k = 0; k < TAPS_PER_PHASE - 2; k++) { // the last two of the double sum are 0 but rounding
            once += r[k];
            twice += once;
            sum += Math.abs(twice);
        }
        return new double[] {Math.abs(1 - a + centre) + Math.abs(a + next), sum};
    }

    /**
     * A bound on every value and vertex of outputs {@code from .. to-1}: {@code linear} x max |x| of
     * the samples around them plus {@code curvature} x max |second difference| of their taps, times
     * {@link TruePeakMeter#VERTEX_CAP}. The second differences are taken in float, within 4 ulp of
     * 4 max |x| of the taps ({@code taps}), which the last term covers with the sweeps' own rounding.
     */
    double of(float[] x, int from, int to, float taps) {
        float centres = TruePeakMeter.magnitudePeak(x, from - HALF, to - HALF + 1);
        float bends = curvaturePeak(x, from - TAPS_PER_PHASE + 2, to - 1);
        return (linear * centres + curvature * bends) * VERTEX_CAP * BOUND_SLACK + 1e-5 * taps;
    }

    /** Largest |x[j-1] - 2 x[j] + x[j+1]| for j in {@code from .. to-1}. */
    private static float curvaturePeak(float[] x, int from, int to) {
        float peak = 0;
        for (int j = from; j < to; j++) {
            peak = Math.max(peak, Math.abs(x[j - 1] - 2 * x[j] + x[j + 1]));
        }
        return peak;
    }
}
