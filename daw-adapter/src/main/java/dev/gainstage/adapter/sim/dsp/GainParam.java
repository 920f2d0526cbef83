package dev.gainstage.adapter.sim.dsp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A gain in dB that a control thread changes while the render thread reads it. The value lives in
 * an {@link AtomicLong} (double bits) so a relative change is one atomic read-modify-write and the
 * render thread sees it at its next block without locks.
 */
public final class GainParam {
    private final AtomicLong bits;

    public GainParam(double db) {
        this.bits = new AtomicLong(Double.doubleToLongBits(db));
    }

    public double db() {
        return Double.longBitsToDouble(bits.get());
    }

    /** Sets the gain to exactly {@code db} and returns it. */
    public double set(double db) {
        bits.set(Double.doubleToLongBits(db));
        return db;
    }

    /** Adds {@code deltaDb} atomically and returns the new value. */
    public double add(double deltaDb) {
        return Double.longBitsToDouble(
                bits.updateAndGet(b -> Double.doubleToLongBits(Double.longBitsToDouble(b) + deltaDb)));
    }
}
