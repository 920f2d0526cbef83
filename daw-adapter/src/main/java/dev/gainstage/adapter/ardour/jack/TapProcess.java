package dev.gainstage.adapter.ardour.jack;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackProcessCallback;

/**
 * The JACK process callback: real time. Reads the published plan, copies the period into its ring, counts,
 * returns; no allocation, no lock, no exception out. Its counters have one writer (this callback) and are read
 * by other threads; {@link #awaitPeriodsAfter} lets the control thread wait until the callback let go of a plan.
 */
final class TapProcess implements JackProcessCallback {
    /** Periods before the allocation probe starts: the first ones run interpreted and initialise classes. */
    static final int PROBE_WARMUP_PERIODS = 2000;

    private final AtomicReference<CapturePlan> plan;
    private final JackFormat format;
    private final boolean probeAllocations;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long probeWarmup;
    private volatile long maxCallbackAllocation;
    private volatile long allocatingPeriods;
    private volatile long probedPeriods;
    private volatile long callbackErrors;
    // what the taps delivered, across plans and formats
    private volatile long capturedPeriods;
    private volatile long droppedPeriods;
    private volatile int lastPeriodFrames;
    /** Frames processed since the client started: read for settling. */
    private volatile long position;
    /** Periods the callback has finished, counted as its last step: see {@link #awaitPeriodsAfter}. */
    private volatile long completed;

    TapProcess(AtomicReference<CapturePlan> plan, JackFormat format, boolean probeAllocations) {
        this.plan = plan;
        this.format = format;
        this.probeAllocations = probeAllocations;
    }

    @Override
    public boolean process(JackClient c, int frames) {
        try {
            CapturePlan p = plan.get();
            long pos = position;
            position = pos + frames;
            lastPeriodFrames = frames;
            if (p != null) {
                if (frames > p.maxFrames()) {
                    // a longer period than announced (PipeWire may change its quantum before telling us)
                    format.longerPeriod(frames);
                }
                if (capture(p, frames, pos)) {
                    capturedPeriods++;
                } else {
                    droppedPeriods++;
                }
            }
        } catch (Throwable t) {
            // never into native code: count it and keep the JACK graph running
            callbackErrors++;
        }
        completed++; // last: once it moved, this period is done with the plan it read
        return true;
    }

    private boolean capture(CapturePlan p, int frames, long pos) {
        if (!probeAllocations || ++probeWarmup <= PROBE_WARMUP_PERIODS) {
            return p.capture(frames, pos);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        boolean captured = p.capture(frames, pos);
        long used = threads.getCurrentThreadAllocatedBytes() - before;
        probedPeriods++;
        if (used > 0) {
            allocatingPeriods++;
            maxCallbackAllocation = Math.max(maxCallbackAllocation, used);
        }
        return captured;
    }

    /** Periods the callback has finished so far: the mark to pass to {@link #awaitPeriodsAfter}. */
    long completed() {
        return completed;
    }

    /**
     * Waits (not on the real-time thread) until the callback finished {@code periods} more periods than
     * {@code mark}, checking every half period; gives up after {@code timeoutNanos} (the server stopped calling
     * us: then no period is running either).
     *
     * @return whether the periods ran
     */
    boolean awaitPeriodsAfter(long mark, int periods, long periodNanos, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (completed - mark < periods) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(Math.max(periodNanos / 2, 100_000));
        }
        return true;
    }

    long position() {
        return position;
    }

    long maxCallbackAllocation() {
        return maxCallbackAllocation;
    }

    long allocatingPeriods() {
        return allocatingPeriods;
    }

    long probedPeriods() {
        return probedPeriods;
    }

    long callbackErrors() {
        return callbackErrors;
    }

    long capturedPeriods() {
        return capturedPeriods;
    }

    long droppedPeriods() {
        return droppedPeriods;
    }

    int lastPeriodFrames() {
        return lastPeriodFrames;
    }
}
