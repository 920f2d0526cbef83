package dev.gainstage.engine.metering;

/**
 * K-weighting and the raw statistics of several mono taps at once, each tap with its own filter (all at one sample
 * rate, so the first filter's coefficients serve all). Every implementation gives each tap the same bits as
 * {@link KWeightingFilter#filterAndMeasure} on it alone: each tap is one lane of the same per-sample arithmetic, in
 * the same order. Instances hold scratch buffers: one per thread.
 */
interface KWeightingLanes {
    /**
     * Filters and measures {@code n} samples from {@code pos} of {@code samples[i]} with {@code filters[i]} into
     * {@code out[i]}, for {@code i < count}. The products ({@link SegmentStats#products}) are not measured: the taps
     * are unrelated.
     */
    void filterAndMeasure(KWeightingFilter[] filters, float[][] samples, int count, int pos, int n, SegmentStats[] out);

    /** What runs the lanes, for logs and benchmarks: e.g. "8 x double vector lanes". */
    String describe();

    /** The vector lanes where the JVM has them ({@link VectorSupport}), else the scalar pairs. */
    static KWeightingLanes best() {
        return VectorSupport.best(KWeightingLanes.class, "VectorKWeightingLanes", ScalarKWeightingLanes::new);
    }
}
