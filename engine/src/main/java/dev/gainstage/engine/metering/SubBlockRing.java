package dev.gainstage.engine.metering;

import java.util.Arrays;

/** The latest values of one per-100 ms quantity, newest last; windows are read from it on demand. */
final class SubBlockRing {
    private final double[] values;
    private int next;
    private int count;

    SubBlockRing(int capacity) {
        values = new double[capacity];
    }

    void push(double v) {
        values[next] = v;
        next = next + 1 == values.length ? 0 : next + 1;
        count = Math.min(count + 1, values.length);
    }

    int count() {
        return count;
    }

    /** Sum of the latest {@code last} values (fewer if fewer were pushed). */
    double sum(int last) {
        double s = 0;
        for (int i = 0, n = Math.min(last, count), j = next; i < n; i++) {
            j = j == 0 ? values.length - 1 : j - 1;
            s += values[j];
        }
        return s;
    }

    /** Largest of the latest {@code last} values; 0 if none. NaN values are ignored. */
    double max(int last) {
        double m = 0;
        for (int i = 0, n = Math.min(last, count), j = next; i < n; i++) {
            j = j == 0 ? values.length - 1 : j - 1;
            if (values[j] > m) {
                m = values[j];
            }
        }
        return m;
    }

    void reset() {
        Arrays.fill(values, 0);
        next = 0;
        count = 0;
    }
}
