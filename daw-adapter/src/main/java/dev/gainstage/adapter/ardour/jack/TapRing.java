package dev.gainstage.adapter.ardour.jack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of preallocated periods of tap audio. The producer is the
 * JACK process thread: {@link #claim()} and {@link #publish()} never allocate, lock or wait; when the
 * consumer lags, {@code claim} returns {@code null} and the period is dropped (the caller counts it).
 */
public final class TapRing {
    /** One JACK period of every tap source, interleaved per source, sources one after another. */
    public static final class Period {
        final float[] samples;
        int frames;
        long position;

        Period(int capacity) {
            samples = new float[capacity];
        }

        public float[] samples() {
            return samples;
        }

        public int frames() {
            return frames;
        }

        public long position() {
            return position;
        }
    }

    private final Period[] periods;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next period to read
    private final AtomicLong tail = new AtomicLong(); // next period to write
    private final int capacity;

    /**
     * @param slots    a power of two
     * @param capacity floats per period: channels of every source times the largest period
     */
    public TapRing(int slots, int capacity) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.periods = new Period[slots];
        for (int i = 0; i < slots; i++) {
            periods[i] = new Period(capacity);
        }
        this.mask = slots - 1;
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public int slots() {
        return periods.length;
    }

    /** Producer: the period to fill, or {@code null} when the ring is full. */
    public Period claim() {
        long t = tail.get();
        if (t - head.get() > mask) {
            return null;
        }
        return periods[(int) (t & mask)];
    }

    /** Producer: makes the claimed period visible to the consumer. */
    public void publish(int frames, long position) {
        long t = tail.get();
        Period p = periods[(int) (t & mask)];
        p.frames = frames;
        p.position = position;
        tail.lazySet(t + 1); // release: the period's contents happen-before the consumer's read of tail
    }

    /** Consumer: the oldest published period, or {@code null}. Valid until {@link #release()}. */
    public Period peek() {
        long h = head.get();
        if (h == tail.get()) {
            return null;
        }
        return periods[(int) (h & mask)];
    }

    /** Consumer: hands the period from {@link #peek()} back to the producer. */
    public void release() {
        head.lazySet(head.get() + 1);
    }

    /** Periods waiting for the consumer. */
    public int size() {
        return (int) (tail.get() - head.get());
    }
}
