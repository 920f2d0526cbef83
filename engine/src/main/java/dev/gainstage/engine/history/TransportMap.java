package dev.gainstage.engine.history;

/**
 * Where the DAW's transport is, read off the tap stream: the adapter anchors a transport position to
 * a stream position (a tap block's sample position) whenever the transport starts, stops or jumps,
 * and while it rolls the transport moves on with the stream. Until the adapter anchors it, the
 * stream positions are taken as transport positions (an adapter whose tap positions are its
 * timeline's, or one that does not know its transport). Owned by the session's adapter side.
 */
public final class TransportMap {
    private boolean anchored;
    private boolean rolling;
    private long transportSamples;
    private int transportRate;
    private long streamPosition;

    /** Forgets the anchor (a new adapter counts its stream from its own start). */
    public void reset() {
        anchored = false;
    }

    /**
     * The transport was at {@code transportSamples} (at {@code sampleRate}) when the stream was at
     * {@code streamPosition}.
     *
     * @throws IllegalArgumentException for a sample rate outside 8..384 kHz
     */
    public void anchor(boolean isRolling, long transportSamples, int sampleRate, long streamPosition) {
        if (sampleRate < 8_000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("transport sample rate " + sampleRate + " Hz is outside 8000..384000");
        }
        this.anchored = true;
        this.rolling = isRolling;
        this.transportSamples = transportSamples;
        this.transportRate = sampleRate;
        this.streamPosition = streamPosition;
    }

    /**
     * The transport started or stopped, said without a position (by an adapter that reports those apart):
     * it stands, or moves on, from where it is at stream {@code position} (samples at {@code streamRate}).
     */
    public void rolling(boolean isRolling, long position, int streamRate) {
        if (!anchored || isRolling == rolling || streamRate <= 0) {
            rolling = isRolling;
            return;
        }
        double at = secondsAt(position, streamRate);
        transportSamples = Math.round(at * transportRate);
        streamPosition = position;
        rolling = isRolling;
    }

    public boolean anchored() {
        return anchored;
    }

    /**
     * The transport's seconds when the stream is at {@code position} (samples at {@code streamRate}):
     * the anchor counted on by the stream audio since, while rolling; the anchor itself while stopped.
     */
    public double secondsAt(long position, int streamRate) {
        if (!anchored) {
            return streamRate <= 0 ? 0 : position / (double) streamRate;
        }
        double at = transportSamples / (double) transportRate;
        if (rolling && streamRate > 0) {
            at += (position - streamPosition) / (double) streamRate;
        }
        return Math.max(0, at);
    }
}
