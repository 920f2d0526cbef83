package dev.gainstage.engine.metering;

/**
 * The maximum true peak (BS.1770 Annex 2) of a stream since creation: the larger of the sample peak
 * and the interpolated inter-sample peaks of every channel. Lets a caller measure true peak apart
 * from a {@link StageMeter} (the offline meter runs it on a second core). Allocates nothing after
 * construction; single-threaded.
 */
public final class TruePeakHold {
    /**
     * Frames per call of the interpolator. A call per whole block (110 in a 300 s stereo file) never
     * got its chunk loop compiled as a method, so every call ran a stretch of it in the interpreter.
     */
    static final int PIECE = 64 * TruePeakMeter.CHUNK;

    private final int channels;
    private final TruePeakMeter meter;
    /** For {@link #process(float[], int, int)}: interleaved input is copied out into it. */
    private final ChannelBlock own;

    private double max;

    /** A hold fed {@link ChannelBlock}s only. */
    public TruePeakHold(int sampleRate, int channels) {
        this(sampleRate, channels, 0);
    }

    /** A hold also fed interleaved blocks of up to {@code maxBlockFrames} (larger ones are split). */
    public TruePeakHold(int sampleRate, int channels, int maxBlockFrames) {
        this.channels = channels;
        this.meter = new TruePeakMeter(sampleRate);
        this.own = maxBlockFrames > 0 ? new ChannelBlock(channels, maxBlockFrames) : null;
    }

    public void process(float[] interleaved, int offset, int frames) {
        if (own == null) {
            throw new IllegalStateException("this hold takes ChannelBlocks only");
        }
        for (int done = 0; done < frames; ) {
            int n = Math.min(own.capacity(), frames - done);
            own.fill(interleaved, offset + done * channels, n, own);
            process(own);
            done += n;
        }
    }

    /**
     * The next block of the stream, filled after the one before it. Every channel's sample peak is
     * taken before any is interpolated: the block's sample peak is then the floor below which
     * nothing is interpolated, from a stream's first block on.
     */
    public void process(ChannelBlock block) {
        process(block, 0);
    }

    /**
     * Like {@link #process(ChannelBlock)} for a caller that knows a level the stream's true peak
     * reaches anyway (a sample peak later in the stream): nothing at or below it is interpolated.
     * {@link #maxDbtp()} is then exact only once the stream has passed that level.
     */
    public void process(ChannelBlock block, double reached) {
        max = Math.max(max, reached);
        for (int c = 0; c < channels; c++) {
            max = Math.max(max, block.peak(c));
        }
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            int end = TruePeakMeter.history() + block.frames();
            for (int from = TruePeakMeter.history(); from < end; from += PIECE) {
                // only what can raise max
                max = Math.max(max, meter.interSamplePeak(x, from, Math.min(PIECE, end - from), max));
            }
        }
    }

    /** The maximum true peak in dBTP; NaN while nothing but silence was seen. */
    public double maxDbtp() {
        return Levels.amplitudeToDb(max);
    }
}
