package dev.gainstage.engine.session;

/**
 * The session's audio time: seconds of tap audio heard, read off the blocks' sample positions, and
 * the tick every {@link #TICK_SECONDS} of it at which the session is judged and published.
 *
 * <p>The clock is anchored to one sample rate and the furthest position heard at it. A batch that
 * reaches past that position moves the clock by the part not heard before; a gap (periods the
 * adapter dropped) is skipped, not counted, so warnings only ever hold on audio that was heard. A
 * batch at another sample rate, the first batch of a newly attached adapter, or one whose blocks
 * start before their taps' last ones (the adapter's counter started over) re-anchors the clock there.
 * The seconds never go back, so the warning tracker's hysteresis sees one steady time line.
 *
 * <p>Blocks at another rate than the batch's first are metered but do not move the clock. Owned by
 * the session's adapter side (its lock); allocates nothing.
 */
final class SessionClock {
    /** Rules are judged and the state published every this much session audio. */
    static final double TICK_SECONDS = 0.1;

    /** The rate the clock is anchored to; 0 until the first batch and after {@link #reanchor}. */
    private int sampleRate;
    /** Just past the furthest position heard at {@link #sampleRate}. */
    private long end;

    private double seconds;
    private double nextTick = TICK_SECONDS;

    // the batch being read
    private boolean inBatch;
    private int batchRate;
    private long batchStart;
    private long batchEnd;
    private boolean wentBack;

    double seconds() {
        return seconds;
    }

    /** The rate the stream positions are counted at (0 before the first batch). */
    int sampleRate() {
        return sampleRate;
    }

    /** Just past the furthest stream position heard: where the session's latest audio ends. */
    long streamEnd() {
        return end;
    }

    /** The next batch anchors the clock wherever its positions are (a new adapter counts from its own start). */
    void reanchor() {
        sampleRate = 0;
    }

    /**
     * One block of the batch being read.
     *
     * @param behindItsTap the block starts before the end of its tap's previous block
     */
    void observe(int blockRate, long position, int frames, boolean behindItsTap) {
        if (!inBatch) {
            inBatch = true;
            batchRate = blockRate;
            batchStart = position;
            batchEnd = position + frames;
        } else if (blockRate == batchRate) {
            batchStart = Math.min(batchStart, position);
            batchEnd = Math.max(batchEnd, position + frames);
        }
        wentBack |= behindItsTap;
    }

    /** Ends the batch and moves the clock; true when a tick is due, which is then counted as done. */
    boolean endBatch() {
        if (!inBatch) {
            return false;
        }
        inBatch = false;
        if (sampleRate != batchRate || wentBack) {
            sampleRate = batchRate;
            seconds += (batchEnd - batchStart) / (double) sampleRate;
            end = batchEnd;
        } else if (batchEnd > end) {
            seconds += (batchEnd - Math.max(end, batchStart)) / (double) sampleRate;
            end = batchEnd;
        }
        wentBack = false;
        if (seconds < nextTick) {
            return false;
        }
        // Catch up in one step after a long block rather than ticking repeatedly on one reading.
        nextTick = Math.max(nextTick + TICK_SECONDS, seconds);
        return true;
    }
}
