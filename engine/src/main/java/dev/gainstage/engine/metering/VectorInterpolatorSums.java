package dev.gainstage.engine.metering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sums as the JDK's Vector API, a vector of outputs at a time with every tap pair added in a register: the plain
 * sweeps load and store each output once per tap pair (72 times per output), this once. Same bits as the sweeps: the
 * pair sum is taken in float (x + y or x - y, as {@code x + sign * y} is for a sign of +1 or -1), widened, multiplied
 * by the weight and added in the order of the pairs, starting from zero; the outputs past the last whole vector are
 * done the same way one at a time. Loaded only through {@link VectorSupport}, as it links the incubator module.
 */
final class VectorInterpolatorSums implements InterpolatorSums {
    private static final VectorSpecies<Double> DOUBLES = VectorLanes.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorLanes.FLOATS;
    private static final int LANES = VectorLanes.LANES;

    @Override
    public void compute(double[][] weights, float[] signs, float[] x, int first, int last, double[][] sums, int count) {
        for (int s = 0; s < weights.length; s++) {
            double[] w = weights[s];
            double[] out = sums[s];
            boolean plus = signs[s] > 0;
            int i = 0;
            // Four vectors of outputs at a time: each one's sum is a chain of dependent adds, and four chains keep
            // the adder busy where one waits on its latency.
            for (; i + 4 * LANES <= count; i += 4 * LANES) {
                DoubleVector acc0 = DoubleVector.zero(DOUBLES);
                DoubleVector acc1 = acc0;
                DoubleVector acc2 = acc0;
                DoubleVector acc3 = acc0;
                for (int k = 0; k < w.length; k++) {
                    int near = first - k + i;
                    int far = first - last + k + i;
                    double c = w[k];
                    acc0 = acc0.add(term(x, near, far, plus).mul(c));
                    acc1 = acc1.add(term(x, near + LANES, far + LANES, plus).mul(c));
                    acc2 = acc2.add(
                            term(x, near + 2 * LANES, far + 2 * LANES, plus).mul(c));
                    acc3 = acc3.add(
                            term(x, near + 3 * LANES, far + 3 * LANES, plus).mul(c));
                }
                acc0.intoArray(out, i);
                acc1.intoArray(out, i + LANES);
                acc2.intoArray(out, i + 2 * LANES);
                acc3.intoArray(out, i + 3 * LANES);
            }
            for (; i + LANES <= count; i += LANES) {
                DoubleVector acc = DoubleVector.zero(DOUBLES);
                for (int k = 0; k < w.length; k++) {
                    acc = acc.add(
                            term(x, first - k + i, first - last + k + i, plus).mul(w[k]));
                }
                acc.intoArray(out, i);
            }
            for (; i < count; i++) { // the last outputs, one at a time
                double acc = 0;
                for (int k = 0; k < w.length; k++) {
                    float near = x[first - k + i];
                    float far = x[first - last + k + i];
                    acc += w[k] * (plus ? near + far : near - far);
                }
                out[i] = acc;
            }
        }
    }

    /** The pair sums x[near + j] +/- x[far + j] of one vector of outputs, in float, widened to double. */
    private static DoubleVector term(float[] x, int near, int far, boolean plus) {
        FloatVector a = FloatVector.fromArray(FLOATS, x, near);
        FloatVector b = FloatVector.fromArray(FLOATS, x, far);
        FloatVector pair = plus ? a.add(b) : a.sub(b);
        return (DoubleVector) pair.convertShape(VectorOperators.F2D, DOUBLES, 0);
    }
}
