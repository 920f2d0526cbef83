package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MonoGroup;
import dev.gainstage.engine.metering.StageMeter;

/**
 * The meter of one tap and where its audio stands on the session's time line. The meter is
 * initialized afresh when the tap's format changes, and reset when a block does not follow the one
 * before it: audio on both sides of a gap was never adjacent, and splicing it would show the
 * K-weighting and true-peak filters a jump that no signal had. Owned by the session's feeding thread.
 */
final class TapMeter {
    /** Where a block falls on its tap's time line, against the end of the tap's previous block. */
    enum Placement {
        FIRST,
        ADJACENT,
        GAP,
        BEHIND;

        /** Whether the meter must start afresh before this block. */
        boolean breaks() {
            return this == GAP || this == BEHIND;
        }
    }

    /** A hint only: {@link StageMeter} splits larger blocks. */
    private static final int MAX_BLOCK = 4096;

    final TapKey key;
    private final StageMeter meter;
    private int sampleRate;
    private int channels;
    private boolean placed;
    /** Just past the last block placed: where the next adjacent block starts. */
    private long nextPosition;

    long droppedBlocks;
    /** The last batch that carried this tap, to spot a batch that carries it twice. */
    private long batch;

    TapMeter(TapKey key, MeterOptions options, MeterMode mode) {
        this.key = key;
        this.meter = new StageMeter(options);
        meter.mode(mode);
    }

    /** The figures its meter computes from the next block on (the tap's role may have changed). */
    void mode(MeterMode mode) {
        meter.mode(mode);
    }

    /** Places the next block (in batch order, before it is fed) on this tap's time line. */
    Placement place(long position, int frames) {
        Placement p;
        if (!placed) {
            p = Placement.FIRST;
        } else if (position == nextPosition) {
            p = Placement.ADJACENT;
        } else {
            p = position > nextPosition ? Placement.GAP : Placement.BEHIND;
        }
        placed = true;
        nextPosition = position + frames;
        return p;
    }

    /** @param restart the block does not follow the last one fed: the meter starts afresh */
    void feed(float[] samples, int sampleRate, int channels, int frameCount, boolean restart) {
        prepare(sampleRate, channels, restart);
        meter.process(samples, 0, frameCount);
    }

    /**
     * Adds this mono tap's block to {@code group}, which meters it with the others (see {@link MonoGroup}) to the
     * same figures as {@link #feed}; the caller then runs the group.
     */
    void joinGroup(MonoGroup group, float[] samples, int sampleRate, boolean restart) {
        prepare(sampleRate, 1, restart);
        group.add(meter, samples);
    }

    private void prepare(int sampleRate, int channels, boolean restart) {
        if (sampleRate != this.sampleRate || channels != this.channels) {
            meter.initialize(sampleRate, channels, MAX_BLOCK);
            this.sampleRate = sampleRate;
            this.channels = channels;
        } else if (restart) {
            meter.reset();
        }
    }

    /** Marks this tap as in {@code batchNumber}; false when it already was. */
    boolean claim(long batchNumber) {
        boolean first = batch != batchNumber;
        batch = batchNumber;
        return first;
    }

    boolean measured() {
        return sampleRate != 0;
    }

    StageMeter meter() {
        return meter;
    }
}
