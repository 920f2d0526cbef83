package dev.gainstage.engine.session;

import dev.gainstage.engine.metering.MonoGroup;
import java.util.Arrays;
import java.util.List;

/**
 * Meters one batch of tap blocks. The batch is checked and decoded whole before any meter or the
 * clock sees it, so a refused batch leaves both as they were. Then each block is placed on its
 * tap's time line and the session's clock, and the meters are fed: on the {@link MeterPool} when
 * every tap appears once, else in order on the caller (a batch may carry several periods of one
 * tap, which must reach its meter in order, on one thread). Where every tap appears once, mono
 * blocks of the same rate and length go in groups of up to {@link MonoGroup#WIDTH} (one pass of the
 * K-weighting filter for all, as vector lanes where the JVM has the Vector API). Owned by the session's
 * adapter side (its lock); the decode buffers, the work list and the groups are kept from batch to batch.
 */
final class BatchMetering {
    private static final int MIN_BUFFER = 2048;

    private final MeterPool meterPool;
    private float[][] scratch = new float[0][];
    private TapMeter[] meters = new TapMeter[0];
    private boolean[] restarts = new boolean[0];
    /** The blocks of the work items, each item's blocks side by side. */
    private int[] order = new int[0];
    /** Per work item: where its blocks start in {@link #order}, and how many (more than one: a group). */
    private int[] starts = new int[0];

    private int[] sizes = new int[0];
    /** Per work item that is a group, its group (made on first use, reused after). */
    private MonoGroup[] groups = new MonoGroup[0];
    /** The mono blocks gathered for the next group. */
    private final int[] gathering = new int[MonoGroup.WIDTH];
    // where plan() is: items made, blocks placed in order, blocks gathered for the next group
    private int items;
    private int placed;
    private int gathered;
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
        int[] members = order;
        int[] start = starts;
        int[] size = sizes;
        MonoGroup[] group = groups;
        pool.forEach(items, samples, k -> {
            int at = start[k];
            TapBlockData b = blocks.get(members[at]);
            if (size[k] == 1) {
                int i = members[at];
                targets[i].feed(decoded[i], b.sampleRate(), b.channels(), b.frames(), restart[i]);
                return;
            }
            MonoGroup g = group[k];
            g.clear(); // whatever an item that threw before its process() left behind
            for (int m = at; m < at + size[k]; m++) {
                int i = members[m];
                targets[i].joinGroup(g, decoded[i], b.sampleRate(), restart[i]);
            }
            g.process(b.frames());
        });
        Arrays.fill(meters, 0, count, null);
        return tickDue;
    }

    /**
     * The work items: each block alone, or (when every tap appears once) mono blocks of one rate and length
     * together, up to {@link MonoGroup#WIDTH} of them, gathered in batch order; returns their number.
     */
    private int plan(List<TapBlockData> blocks, boolean grouping) {
        items = 0;
        placed = 0;
        gathered = 0;
        for (int i = 0; i < blocks.size(); i++) {
            TapBlockData b = blocks.get(i);
            if (!grouping || b.channels() != 1) {
                addItem(i);
                continue;
            }
            if (gathered > 0) {
                TapBlockData g = blocks.get(gathering[0]);
                if (g.frames() != b.frames() || g.sampleRate() != b.sampleRate()) {
                    endGroup();
                }
            }
            gathering[gathered++] = i;
            if (gathered == MonoGroup.WIDTH) {
                endGroup();
            }
        }
        endGroup();
        return items;
    }

    private void addItem(int block) {
        starts[items] = placed;
        sizes[items++] = 1;
        order[placed++] = block;
    }

    private void endGroup() {
        if (gathered == 1) {
            addItem(gathering[0]);
        } else if (gathered > 1) {
            if (groups[items] == null) {
                groups[items] = new MonoGroup();
            }
            starts[items] = placed;
            sizes[items++] = gathered;
            System.arraycopy(gathering, 0, order, placed, gathered);
            placed += gathered;
        }
        gathered = 0;
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
            order = new int[n];
            starts = new int[n];
            sizes = new int[n];
            groups = Arrays.copyOf(groups, n);
        }
    }
}
