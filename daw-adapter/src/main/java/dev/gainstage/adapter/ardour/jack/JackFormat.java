package dev.gainstage.adapter.ardour.jack;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackBufferSizeCallback;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackSampleRateCallback;

/**
 * The JACK server's format (sample rate, period) as the client last heard it, and the "gainstage-jack-format"
 * thread that republishes the capture plan for a new format. The server's format can change while it runs:
 * PipeWire changes its quantum (the period) at will, and a JACK server can be told to. The buffer-size and
 * sample-rate callbacks (PipeWire calls them on its real-time thread) and the process callback (a period longer
 * than the plan holds) only note the new format and wake the thread. Until it has published the plan for the
 * new format, the periods that do not fit are dropped and counted, never written past the ring.
 */
final class JackFormat implements JackBufferSizeCallback, JackSampleRateCallback {
    private static final Logger LOG = Logger.getLogger(JackFormat.class.getName());
    /** How often the format thread looks even when nobody woke it. */
    private static final long IDLE_NANOS = 500_000_000L;

    private final AtomicReference<CapturePlan> plan;
    private volatile int sampleRate;
    /** The server's period as last reported, or the longest period the process callback saw, if longer. */
    private volatile int bufferSize;

    private volatile Thread thread;

    /** @param plan the client's published plan, which the format thread replaces for a new format */
    JackFormat(AtomicReference<CapturePlan> plan) {
        this.plan = plan;
    }

    int sampleRate() {
        return sampleRate;
    }

    int bufferSize() {
        return bufferSize;
    }

    /** The format of a newly opened client; starts the format thread if it is not running. */
    void opened(int rate, int period) {
        sampleRate = rate;
        bufferSize = period;
        if (thread == null) {
            // The field is set before the thread runs: it exits as soon as it is not the format thread.
            Thread t =
                    Thread.ofPlatform().daemon().name("gainstage-jack-format").unstarted(this::follow);
            thread = t;
            t.start();
        }
    }

    /** Real-time (the process callback): a period longer than the plan holds was seen. Allocates nothing. */
    void longerPeriod(int frames) {
        bufferSize = frames;
        wake();
    }

    @Override
    public void buffersizeChanged(JackClient c, int frames) {
        bufferSize = frames;
        wake();
    }

    @Override
    public void sampleRateChanged(JackClient c, int rate) {
        sampleRate = rate;
        wake();
    }

    /** Ends the format thread. */
    void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Republishes the current plan whenever the server's format is no longer the plan's. Lock-free against
     * {@link JackTapClient#update}: a plan replaced meanwhile is not overwritten (compare-and-set).
     */
    private void follow() {
        while (thread == Thread.currentThread()) {
            CapturePlan p = plan.get();
            int rate = sampleRate;
            int period = bufferSize;
            if (p != null && (p.sampleRate() != rate || p.maxFrames() < period)) {
                try {
                    if (plan.compareAndSet(p, p.withFormat(rate, period))) {
                        LOG.info(() -> "JACK format now " + rate + " Hz, period " + period + " frames: taps follow");
                    }
                    continue;
                } catch (RuntimeException | OutOfMemoryError e) {
                    // the thread must outlive a failed attempt: without it every longer period is dropped
                    LOG.warning(() -> "no capture plan for " + rate + " Hz, " + period + " frames yet: " + e);
                }
            }
            LockSupport.parkNanos(IDLE_NANOS);
        }
    }
}
