package dev.gainstage.adapter.ardour;

import com.google.protobuf.ByteString;
import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.ardour.jack.Fanout;
import dev.gainstage.adapter.ardour.jack.TapRing;
import dev.gainstage.adapter.link.PeriodBacklog;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.TapDropReport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The non-real-time half of the taps: drains the current plan's ring and sends one {@link TapBatch} per JACK
 * period. When the sidecar lags (the stream is not ready) up to {@link PeriodBacklog#MAX_HELD} periods wait in the
 * ring; past that the oldest is dropped and counted instead of queued, and the totals ({@link DropTotals}, over the adapter's run) go out as a {@link TapDropReport} every
 * second, together with the periods the real-time side dropped because this thread fell behind.
 */
final class TapStreamer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TapStreamer.class.getName());

    private final Supplier<CapturePlan> plans;
    private final Supplier<SidecarLink> links;
    private final Thread thread;
    private final DropTotals drops = new DropTotals();
    private volatile boolean running = true;
    private volatile long periodsSent;
    private volatile int maxTapsInBatch;
    private long stale;
    /** +120 dBFS: no audio signal gets there; a buffer read at the wrong time could. */
    private static final float IMPLAUSIBLE = 1e6f;

    private volatile long implausible;
    /** Thread-confined to the streamer: the plan read, the period peeked and not yet released, failures. */
    private CapturePlan reading;

    private TapRing.Period peeked;
    private volatile long failures;
    private long lastReport = System.nanoTime();
    private long reports;
    private CapturePlan checkedPlan;
    private TapTable checkedTable;
    private boolean accepted;

    TapStreamer(Supplier<CapturePlan> plans, Supplier<SidecarLink> links) {
        this.plans = plans;
        this.links = links;
        this.thread = Thread.ofPlatform().daemon().name("gainstage-ardour-taps").start(this::run);
    }

    /** Source blocks withheld because their samples could not be audio (NaN, Inf or above +120 dBFS). */
    long implausibleBlocks() {
        return implausible;
    }

    /** Periods that failed to go out (logged and skipped). */
    long failures() {
        return failures;
    }

    long periodsSent() {
        return periodsSent;
    }

    /** The most tap blocks sent in one period: how many taps ran at once. */
    int maxTapsInBatch() {
        return maxTapsInBatch;
    }

    /**
     * Sends until closed. A failure in one period is logged and that period skipped: were the thread to end, taps would
     * stop for the rest of the adapter's run with nothing to say why.
     */
    private void run() {
        long lastFailureLog = 0;
        while (running) {
            try {
                sendUntilClosed();
            } catch (RuntimeException e) {
                failures++;
                TapRing.Period held = reading == null ? null : reading.ring().peek();
                if (held != null && held == peeked) {
                    reading.ring().release(); // the period that failed: skipped, not retried for ever
                }
                if (System.nanoTime() - lastFailureLog > 10_000_000_000L || failures == 1) {
                    lastFailureLog = System.nanoTime();
                    LOG.log(Level.WARNING, "could not send a period of taps (" + failures + " so far); skipped it", e);
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private void sendUntilClosed() {
        while (running) {
            CapturePlan current = plans.get();
            if (current != reading) {
                // A new plan may carry new handles: what the old ring holds is no longer wanted by anyone.
                reading = current;
                drops.follow(current);
            }
            TapRing.Period p = reading == null ? null : reading.ring().peek();
            peeked = p;
            SidecarLink link = links.get();
            if (p == null) {
                LockSupport.parkNanos(1_000_000);
            } else if (link == null || !acceptedBy(reading, link.taps())) {
                // handles of a subscription that is no longer the sidecar's (it restarted, or changed its
                // mind): nobody wants this audio; the plan for the new subscription is on its way
                reading.ring().release();
                peeked = null;
                stale++;
            } else if (PeriodBacklog.holds(link, reading.ring().size())) {
                // the stream is full: the period waits in the ring (a few, then the oldest goes), until the stream
                // says it is ready or the next period may have come
                awaitReady(link);
            } else {
                TapBatch batch = batch(reading, p);
                reading.ring().release();
                peeked = null;
                if (link.isReady()) {
                    link.send(AdapterMessage.newBuilder().setTaps(batch).build());
                    periodsSent++;
                    maxTapsInBatch = Math.max(maxTapsInBatch, batch.getBlocksCount());
                } else if (link.connected()) {
                    for (TapBlock b : batch.getBlocksList()) {
                        drops.linkDropped(b.getHandle());
                    }
                }
            }
            if (System.nanoTime() - lastReport > 1_000_000_000L && reading != null) {
                lastReport = System.nanoTime();
                report();
                if (++reports % 10 == 0) {
                    long sent = periodsSent;
                    LOG.info(() -> "taps: " + sent + " periods sent, " + stale + " of an old subscription skipped");
                }
            }
        }
    }

    private void awaitReady(SidecarLink link) {
        try {
            link.awaitReady(1);
        } catch (InterruptedException e) {
            running = false; // nobody but the JVM interrupts this thread: it is going
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the sidecar's current subscription has every handle of the plan (cached per plan and table). */
    private boolean acceptedBy(CapturePlan plan, TapTable table) {
        if (plan != checkedPlan || table != checkedTable) {
            checkedPlan = plan;
            checkedTable = table;
            accepted = true;
            for (int s = 0; s < plan.sources() && accepted; s++) {
                for (int h : plan.fanout(s).handles()) {
                    accepted &= table.has(h);
                }
            }
        }
        return accepted;
    }

    private TapBatch batch(CapturePlan plan, TapRing.Period p) {
        TapBatch.Builder batch = TapBatch.newBuilder();
        int rate = plan.sampleRate(); // the rate these periods were captured at, even if the server changed since
        float[] samples = p.samples();
        int off = 0;
        for (int s = 0; s < plan.sources(); s++) {
            int n = plan.channels(s) * p.frames();
            if (!plan.settled(s, p.position())) {
                off += n;
                continue; // just connected: not audio yet
            }
            float worst = 0;
            for (int k = off; k < off + n; k++) {
                worst = Math.max(worst, Math.abs(samples[k]));
            }
            if (!(worst < IMPLAUSIBLE)) {
                implausible++;
                float w = worst;
                int src = s;
                LOG.warning(() -> "tap source " + src + " of the plan delivered implausible samples (|x| up to " + w
                        + ") at position " + p.position() + "; not sent");
                off += n;
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(samples, off, n);
            off += n;
            ByteString data = ByteString.copyFrom(bytes);
            Fanout fanout = plan.fanout(s);
            for (int i = 0; i < fanout.size(); i++) {
                float gain = fanout.gain(i);
                ByteString scaled = data;
                if (gain != 1f) {
                    ByteBuffer g = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    for (int k = 0; k < n; k++) {
                        g.putFloat(samples[off - n + k] * gain);
                    }
                    scaled = ByteString.copyFrom(g.flip());
                }
                batch.addBlocks(TapBlock.newBuilder()
                        .setHandle(fanout.handle(i))
                        .setSampleRate(rate)
                        .setChannels(plan.channels(s))
                        .setFrames(p.frames())
                        .setSamplePosition(p.position())
                        .setSamples(scaled));
            }
        }
        return batch.build();
    }

    private void report() {
        TapDropReport r = drops.report();
        SidecarLink link = links.get();
        if (r.getDropsCount() > 0 && link != null && link.connected()) {
            link.send(AdapterMessage.newBuilder().setDrops(r).build());
            LOG.fine(() -> "reported dropped tap blocks: " + r.getDropsList());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
