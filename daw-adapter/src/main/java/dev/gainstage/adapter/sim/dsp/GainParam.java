package dev.gainstage.adapter.sim.dsp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A gain in dB that a control thread changes while the render thread reads it. The value lives in
 * an {@link AtomicLong} (double bits) so the render thread sees a new value at its next block without locks;
 * changes are made under the renderer's lock, which keeps a relative change's check and set together.
 */
public final class GainParam {
    private final AtomicLong bits;

    public GainParam(double db) {
        this.bits = new AtomicLong(Double.doubleToLongBits(db));
    }

    public double db() {
        return Double.longBitsToDouble(bits.get());
    }

    /** Sets the value and returns it. */
    public double set(double db) {
        bits.set(Double.doubleToLongBits(db));
        return db;
    }
}
