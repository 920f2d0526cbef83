package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * Up to {@link #WIDTH} mono meters fed one block each, of one length, metered together: their K-weighting runs as
 * lanes of one pass ({@link KWeightingLanes}: vector lanes where the Vector API is present, else scalar pairs), the
 * rest of each meter's work alone. A meter reads the same bits as fed alone ({@link StageMeter#process}). Meters
 * that cannot share the pass with the first (another rate, loudness off, another place in their 50 ms frame, as
 * after a restart) are fed alone. Reused from batch to batch by one thread at a time; allocates nothing once
 * compiled.
 */
public final class MonoGroup {
    /** Meters per group: a 512-bit vector of doubles. */
    public static final int WIDTH = 8;

    private final KWeightingLanes lanes;
    private final StageMeter[] meters = new StageMeter[WIDTH];
    private final float[][] samples = new float[WIDTH][];
    private final StageMeter[] together = new StageMeter[WIDTH];
    private final float[][] togetherSamples = new float[WIDTH][];
    private final KWeightingFilter[] filters = new KWeightingFilter[WIDTH];
    private final SegmentStats[] stats = new SegmentStats[WIDTH];
    private int size;

    /** A group on the best lanes this JVM has ({@link KWeightingLanes#best()}). */
    public MonoGroup() {
        this(KWeightingLanes.best());
    }

    MonoGroup(KWeightingLanes lanes) {
        this.lanes = lanes;
    }

    /** Adds a mono meter and its block (from index 0); at most {@link #WIDTH}, each meter once. */
    public void add(StageMeter meter, float[] block) {
        if (size == WIDTH) {
            throw new IllegalStateException("a group holds at most " + WIDTH + " meters");
        }
        for (int i = 0; i < size; i++) {
            if (meters[i] == meter) {
                throw new IllegalArgumentException("a meter is in a group once: its blocks must reach it in order");
            }
        }
        meters[size] = meter;
        samples[size++] = block;
    }

    public int size() {
        return size;
    }

    /** Meters {@code frames} samples of every meter's block, then empties the group (it keeps no references). */
    public void process(int frames) {
        try {
            int count = 0;
            for (int i = 0; i < size; i++) {
                StageMeter m = meters[i];
                if (frames > samples[i].length) {
                    throw new IndexOutOfBoundsException(
                            frames + " frames exceed a block of " + samples[i].length + " samples");
                }
                boolean joins = count == 0 ? m.canShare() : StageMeter.sharesPass(together[0], m);
                if (joins) {
                    together[count] = m;
                    togetherSamples[count++] = samples[i];
                } else {
                    m.process(samples[i], 0, frames);
                }
            }
            if (count == 1) {
                together[0].process(togetherSamples[0], 0, frames);
            } else if (count > 1) {
                processTogether(count, frames);
            }
        } finally {
            clear();
        }
    }

    /** Empties the group without metering: what a caller does when it could not add every meter. */
    public void clear() {
        Arrays.fill(meters, null);
        Arrays.fill(samples, null);
        Arrays.fill(together, null);
        Arrays.fill(togetherSamples, null);
        size = 0;
    }

    private void processTogether(int count, int frames) {
        for (int i = 0; i < count; i++) {
            filters[i] = together[i].kWeighting();
            stats[i] = together[i].monoStats();
        }
        int pos = 0;
        while (pos < frames) {
            int n = together[0].segment(frames - pos); // the same for all: same rate, same place in the frame
            lanes.filterAndMeasure(filters, togetherSamples, count, pos, n, stats);
            for (int i = 0; i < count; i++) {
                together[i].afterFirstPass(togetherSamples[i], pos, n);
            }
            pos += n;
        }
        Arrays.fill(filters, null);
        Arrays.fill(stats, null);
    }
}
