package dev.gainstage.engine.rules;

/**
 * The last values of one measurement, one per session tick (100 ms). After a restart it ignores
 * the first {@code settle} values: meter windows still span audio from before the change (and
 * blocks in flight from the DAW still carry it) for that long. The maximum is kept as values come (a
 * sliding-window maximum: the values that can still become it, in falling order), not found by a scan:
 * the source rules ask for it of every stage at every tick, and a value is added to every stage's ring
 * at every tick, so a scan of the window per tick was a tenth of a 2048-tap tick.
 */
final class TickRing {
    private final double[] values;
    private int next;
    private int count;
    private int skip;
    /** Values added so far (after the settling ones): the sequence number of the next value. */
    private long added;
    /**
     * The candidates for the maximum, oldest first, each smaller than the one before (by {@link Double#compare}, so
     * 0.0 outranks -0.0 as in {@link Math#max}): a ring of sequence numbers, from {@link #head}, {@link #size} long.
     */
    private final long[] candidates;

    private int head;
    private int size;

    TickRing(int capacity, int settle) {
        values = new double[capacity];
        candidates = new long[capacity];
        skip = settle;
    }

    void add(double v) {
        if (skip > 0) {
            skip--;
            return;
        }
        int capacity = values.length;
        long seq = added++;
        values[next] = v;
        next = (next + 1) % capacity;
        count = Math.min(capacity, count + 1);
        if (size > 0 && candidates[head] <= seq - capacity) { // the oldest candidate left the window
            head = (head + 1) % capacity;
            size--;
        }
        while (size > 0 && Double.compare(valueOf(candidates[(head + size - 1) % capacity]), v) <= 0) {
            size--; // a newer value at least as large: the older one can never be the maximum again
        }
        candidates[(head + size) % capacity] = seq;
        size++;
    }

    private double valueOf(long seq) {
        return values[(int) (seq % values.length)];
    }

    int count() {
        return count;
    }

    double get(int i) {
        return values[i];
    }

    /** The maximum of the values held; NaN when none is. */
    double max() {
        return size == 0 ? Double.NaN : valueOf(candidates[head]);
    }

    double sum() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        return s;
    }
}
