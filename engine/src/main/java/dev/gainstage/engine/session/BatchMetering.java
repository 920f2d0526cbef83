package dev.gainstage.engine.session;

import java.util.Arrays;
import java.util.List;

/**
 * Meters one batch of tap blocks. The batch is checked and decoded whole before any meter or the
 * clock sees it, so a refused batch leaves both as they were. Then each block is placed on its
 * tap's time line and the session's clock, and the meters are fed: on the {@link MeterPool} when
 * every tap appears once, else in order on the caller (a batch may carry several periods of one
 * tap, which must reach its meter in order, on one thread). Where every tap appears once, mono
 * blocks of the same rate and length go in pairs ({@link TapMeter#feedPair}: one pass of the
 * K-weighting filter for both). Owned by the session's adapter side (its lock); the decode buffers
 * and the work list are kept from batch to batch.
 */
final class BatchMetering {
    private static final int MIN_BUFFER = 2048;

    private final MeterPool meterPool;
    private float[][] scratch = new float[0][];
    private TapMeter[] meters = new TapMeter[0];
    private boolean[] restarts = new boolean[0];
    /** Per work item: its block, and the block metered with it (-1 for none). */
    private int[] firsts = new int[0];

    private int[] seconds = new int[0];
    private long batches;

    BatchMetering(MeterPool meterPool) {
        this.meterPool = meterPool;
    }

    /** @return whether the clock's tick is due after this batch */
    boolean meter(List<TapBlockData> blocks, TapPlan taps, SessionClock clock) throws TapBlockException {
        int count = blocks.size();
        ensureCapacity(count);
        long batch = ++batches;
        boolean handlesUnique = true;
        long samples = 0;
        for (int i = 0; i < count; i++) {
            TapBlockData b = blocks.get(i);
            TapMeter m = taps.meterFor(b.handle());
            if (m == null) {
                String field = TapBlockDecoder.blockField(i);
                throw new TapBlockException(
                        field + ".handle", field + ".handle " + b.handle() + " is not a subscribed tap", true);
            }
            TapBlockDecoder.checkHeader(b, i);
            int n = b.frames() * b.channels();
            if (scratch[i].length < n) {
                scratch[i] = new float[Math.max(n, MIN_BUFFER)];
            }
            TapBlockDecoder.decode(b, scratch[i], i);
            meters[i] = m;
            handlesUnique &= m.claim(batch);
            samples += n;
        }
        for (int i = 0; i < count; i++) {
            TapBlockData b = blocks.get(i);
            TapMeter.Placement p = meters[i].place(b.samplePosition(), b.frames());
            restarts[i] = p.breaks();
            clock.observe(b.sampleRate(), b.samplePosition(), b.frames(), p == TapMeter.Placement.BEHIND);
        }
        boolean tickDue = clock.endBatch();
        MeterPool pool = handlesUnique ? meterPool : MeterPool.inline();
        int items = plan(blocks, handlesUnique);
        float[][] decoded = scratch;
        TapMeter[] targets = meters;
        boolean[] restart = restarts;
        int[] first = firsts;
        int[] second = seconds;
        pool.forEach(items, samples, k -> {
            int i = first[k];
            int j = second[k];
            TapBlockData b = blocks.get(i);
            if (j < 0) {
                targets[i].feed(decoded[i], b.sampleRate(), b.channels(), b.frames(), restart[i]);
            } else {
                TapMeter.feedPair(
                        targets[i],
                        decoded[i],
                        restart[i],
                        targets[j],
                        decoded[j],
                        restart[j],
                        b.sampleRate(),
                        b.frames());
            }
        });
        Arrays.fill(meters, 0, count, null);
        return tickDue;
    }

    /**
     * The work items: each block alone, or (when every tap appears once) two mono blocks of one rate and
     * length together, each paired with the next such block; returns their number.
     */
    private int plan(List<TapBlockData> blocks, boolean pairing) {
        int items = 0;
        int pending = -1; // a mono block waiting for a partner
        for (int i = 0; i < blocks.size(); i++) {
            TapBlockData b = blocks.get(i);
            if (!pairing || b.channels() != 1) {
                firsts[items] = i;
                seconds[items++] = -1;
                continue;
            }
            if (pending >= 0
                    && blocks.get(pending).frames() == b.frames()
                    && blocks.get(pending).sampleRate() == b.sampleRate()) {
                firsts[items] = pending;
                seconds[items++] = i;
                pending = -1;
                continue;
            }
            if (pending >= 0) {
                firsts[items] = pending;
                seconds[items++] = -1;
            }
            pending = i;
        }
        if (pending >= 0) {
            firsts[items] = pending;
            seconds[items++] = -1;
        }
        return items;
    }

    private void ensureCapacity(int n) {
        if (scratch.length < n) {
            float[][] grown = new float[n][];
            System.arraycopy(scratch, 0, grown, 0, scratch.length);
            for (int i = scratch.length; i < n; i++) {
                grown[i] = new float[MIN_BUFFER];
            }
            scratch = grown;
            meters = new TapMeter[n];
            restarts = new boolean[n];
            firsts = new int[n];
            seconds = new int[n];
        }
    }
}
