package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * The sums one tap pair at a time, a multiply-add sweep over the run, the sweep a small method of its own: the JIT
 * compiles it early, after a few runs, while a method holding all the loops ran its first calls in the interpreter
 * (8 % of a cold run). The accumulators are double[] while the input is float[]: arrays of different element types
 * cannot alias, so the JIT vectorises the sweep (with a float[] accumulator it must assume a store may feed a later
 * load and runs it scalar, measured 4x slower).
 */
final class ScalarInterpolatorSums implements InterpolatorSums {
    @Override
    public void compute(double[][] weights, float[] signs, float[] x, int first, int last, double[][] sums, int count) {
        for (int s = 0; s < weights.length; s++) {
            double[] w = weights[s];
            double[] out = sums[s];
            float sign = signs[s];
            Arrays.fill(out, 0, count, 0);
            for (int k = 0; k < w.length; k++) {
                add(w[k], x, first - k, first - last + k, sign, out, count);
            }
        }
    }

    /** out[i] += c * (x[near + i] + sign * x[far + i]); sign is +1 or -1, so the pair sum is exactly x + y or x - y. */
    private static void add(double c, float[] x, int near, int far, float sign, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] += c * (x[near + i] + sign * x[far + i]);
        }
    }
}
