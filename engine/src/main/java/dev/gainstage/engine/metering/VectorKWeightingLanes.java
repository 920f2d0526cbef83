package dev.gainstage.engine.metering;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lanes as the JDK's Vector API: one tap per lane of the machine's widest double vector (8 with AVX-512, 4 with
 * AVX2), so one pass of the filter's recursion serves them all, where the scalar loop serves two. Loaded only by name
 * through {@link VectorSupport}, as it links the incubator module.
 *
 * <p>Same bits as the scalar loop: every lane does the scalar loop's multiplies, adds and subtractions in its order
 * (the Vector API never fuses a multiply and an add), and the peak keeps the larger value as the scalar comparison
 * does, so a NaN sample leaves it as it was. The samples are transposed, {@value #CHUNK} frames at a time, into a
 * small buffer that stays in the L1 cache: lane j of row i is tap j's sample i. Lanes beyond {@code count} filter
 * zeros into a spare state. Allocates nothing once compiled; until the JIT's optimising compiler takes the loop (a
 * few thousand calls), vectors are objects and each call allocates.
 */
final class VectorKWeightingLanes implements KWeightingLanes {
    private static final VectorSpecies<Double> SPECIES = VectorLanes.DOUBLES;
    private static final int LANES = VectorLanes.LANES;
    static final int CHUNK = 32;

    /** Row i, lane j: sample i of the slice's tap j. */
    private final double[] rows = new double[CHUNK * LANES];
    /** Per state variable (shelf s1, s2, high-pass h1, h2), per lane. */
    private final double[] state = new double[4 * LANES];
    /** Peak, sum, squares, weighted squares, per lane. */
    private final double[] sums = new double[4 * LANES];

    @Override
    public void filterAndMeasure(
            KWeightingFilter[] filters, float[][] samples, int count, int pos, int n, SegmentStats[] out) {
        for (int first = 0; first < count; first += LANES) {
            int lanes = Math.min(LANES, count - first);
            gather(filters, first, lanes);
            run(filters[0], samples, first, lanes, pos, n);
            scatter(filters, first, lanes, out);
        }
    }

    private void gather(KWeightingFilter[] filters, int first, int lanes) {
        Arrays.fill(state, 0);
        for (int j = 0; j < lanes; j++) {
            double[] s = filters[first + j].state;
            for (int v = 0; v < 4; v++) {
                state[v * LANES + j] = s[v];
            }
        }
    }

    private void scatter(KWeightingFilter[] filters, int first, int lanes, SegmentStats[] out) {
        for (int j = 0; j < lanes; j++) {
            double[] s = filters[first + j].state;
            for (int v = 0; v < 4; v++) {
                s[v] = state[v * LANES + j];
            }
            if (!KWeightingFilter.finite(s, 0)) {
                Arrays.fill(s, 0, 4, 0); // as the scalar loop does: a NaN or infinity would stay in the filter
            }
            out[first + j].set(sums[j], sums[LANES + j], sums[2 * LANES + j], sums[3 * LANES + j], 0);
        }
    }

    private void run(KWeightingFilter f, float[][] samples, int first, int lanes, int pos, int n) {
        DoubleVector b0 = DoubleVector.broadcast(SPECIES, f.b0);
        DoubleVector b1 = DoubleVector.broadcast(SPECIES, f.b1);
        DoubleVector b2 = DoubleVector.broadcast(SPECIES, f.b2);
        DoubleVector a1 = DoubleVector.broadcast(SPECIES, f.a1);
        DoubleVector a2 = DoubleVector.broadcast(SPECIES, f.a2);
        DoubleVector d1 = DoubleVector.broadcast(SPECIES, f.d1);
        DoubleVector d2 = DoubleVector.broadcast(SPECIES, f.d2);
        DoubleVector minusTwo = DoubleVector.broadcast(SPECIES, -2);
        DoubleVector p1 = DoubleVector.fromArray(SPECIES, state, 0);
        DoubleVector p2 = DoubleVector.fromArray(SPECIES, state, LANES);
        DoubleVector p3 = DoubleVector.fromArray(SPECIES, state, 2 * LANES);
        DoubleVector p4 = DoubleVector.fromArray(SPECIES, state, 3 * LANES);
        DoubleVector peak = DoubleVector.zero(SPECIES);
        DoubleVector sum = peak;
        DoubleVector squares = peak;
        DoubleVector weighted = peak;
        double[] r = rows;
        for (int done = 0; done < n; done += CHUNK) {
            int m = Math.min(CHUNK, n - done);
            transpose(samples, first, lanes, pos + done, m);
            for (int i = 0; i < m; i++) {
                DoubleVector in = DoubleVector.fromArray(SPECIES, r, i * LANES);
                DoubleVector magnitude = in.abs();
                VectorMask<Double> larger = magnitude.compare(VectorOperators.GT, peak);
                peak = peak.blend(magnitude, larger);
                sum = sum.add(in);
                squares = squares.add(in.mul(in));
                // shelf, direct form II transposed: y = b0 x + s1; s1 = b1 x - a1 y + s2; s2 = b2 x - a2 y
                DoubleVector y = b0.mul(in).add(p1);
                p1 = b1.mul(in).sub(a1.mul(y)).add(p2);
                p2 = b2.mul(in).sub(a2.mul(y));
                // high-pass, numerator (1, -2, 1)
                DoubleVector z = y.add(p3);
                p3 = minusTwo.mul(y).sub(d1.mul(z)).add(p4);
                p4 = y.sub(d2.mul(z));
                weighted = weighted.add(z.mul(z));
            }
        }
        p1.intoArray(state, 0);
        p2.intoArray(state, LANES);
        p3.intoArray(state, 2 * LANES);
        p4.intoArray(state, 3 * LANES);
        peak.intoArray(sums, 0);
        sum.intoArray(sums, LANES);
        squares.intoArray(sums, 2 * LANES);
        weighted.intoArray(sums, 3 * LANES);
    }

    /** Rows 0..m-1 from frame {@code from} of the slice's taps; lanes past {@code lanes} stay zero. */
    private void transpose(float[][] samples, int first, int lanes, int from, int m) {
        double[] r = rows;
        if (lanes < LANES) {
            Arrays.fill(r, 0); // a spare lane's leftovers could be slow denormals or NaN
        }
        for (int j = 0; j < lanes; j++) {
            float[] x = samples[first + j];
            for (int i = 0; i < m; i++) {
                r[i * LANES + j] = x[from + i];
            }
        }
    }

    @Override
    public String describe() {
        return LANES + " x double vector lanes (jdk.incubator.vector)";
    }
}
