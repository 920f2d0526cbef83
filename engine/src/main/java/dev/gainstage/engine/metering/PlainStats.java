package dev.gainstage.engine.metering;

/**
 * The figures of {@link KWeightingFilter#filterAndMeasure} without the filter, for a meter whose mode
 * has no loudness: peak, sum and sum of squares of each channel of a pair, and the sum of their
 * products, to the same bits. No recursion, so each loop is a plain reduction; a mono tap (a channel
 * paired with itself) is read once.
 */
final class PlainStats {
    private PlainStats() {}

    static void measure(float[] x, int first, int second, int stride, int n, SegmentStats out0, SegmentStats out1) {
        measureOne(x, first, stride, n, out0);
        if (first == second) {
            out1.set(out0.peak, out0.sum, out0.squares, 0, out0.squares);
            return;
        }
        measureOne(x, second, stride, n, out1);
        double products = 0;
        for (int i = 0; i < n; i++) {
            products += x[first + i * stride] * x[second + i * stride]; // a float product, as the filter's pass
        }
        out0.products = products;
        out1.products = products;
    }

    /** Peak, sum and squares of one channel; its products with itself stand in for a pair's. */
    private static void measureOne(float[] x, int first, int stride, int n, SegmentStats out) {
        float peak = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            float sample = x[first + i * stride];
            peak = Math.max(peak, Math.abs(sample));
            double in = sample;
            sum += in;
            squares += in * in;
        }
        out.set(peak, sum, squares, 0, squares);
    }
}
