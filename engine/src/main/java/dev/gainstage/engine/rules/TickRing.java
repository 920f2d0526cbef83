package dev.gainstage.engine.rules;

/**
 * The last values of one measurement, one per session tick (100 ms). After a restart it ignores
 * the first {@code settle} values: meter windows still span audio from before the change (and
 * blocks in flight from the DAW still carry it) for that long. The maximum is found once per value added, not
 * per question: the source rules each ask for it, for every stage, at every tick.
 */
final class TickRing {
    private final double[] values;
    private int next;
    private int count;
    private int skip;
    /** The maximum of the values held; NaN when it must be found again (a value was added since). */
    private double max = Double.NaN;

    TickRing(int capacity, int settle) {
        values = new double[capacity];
        skip = settle;
    }

    void add(double v) {
        if (skip > 0) {
            skip--;
            return;
        }
        values[next] = v;
        max = Double.NaN;
        next = (next + 1) % values.length;
        count = Math.min(values.length, count + 1);
    }

    int count() {
        return count;
    }

    double get(int i) {
        return values[i];
    }

    double max() {
        if (count == 0 || !Double.isNaN(max)) {
            return max;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, values[i]);
        }
        max = m;
        return m;
    }

    double sum() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        return s;
    }
}
