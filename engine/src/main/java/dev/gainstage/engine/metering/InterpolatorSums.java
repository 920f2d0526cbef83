package dev.gainstage.engine.metering;

/**
 * The true-peak interpolator's inner loop: for each of its sums s (see {@link TruePeakMeter}), at each output i of a
 * run, {@code sums[s][i] = sum over tap pairs k of weights[s][k] * (x[first - k + i] + signs[s] * x[first - last + k
 * + i])}, the pair sum in float and the terms added in the order of k. Implementations give the same bits. Instances
 * are stateless.
 */
interface InterpolatorSums {
    /** Fills {@code sums[s][0 .. count-1]} for every s. */
    void compute(double[][] weights, float[] signs, float[] x, int first, int last, double[][] sums, int count);

    /** Vector lanes where the JVM has them ({@link VectorSupport}), else the plain sweeps. */
    static InterpolatorSums best() {
        return VectorSupport.best(InterpolatorSums.class, "VectorInterpolatorSums", ScalarInterpolatorSums::new);
    }
}
