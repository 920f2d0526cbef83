package dev.gainstage.engine.metering;

/**
 * A block of an interleaved stream copied out per channel, each channel's samples preceded by the
 * {@link TruePeakMeter#history()} samples before them, with each channel's sample peak: what
 * {@link TruePeakHold} interpolates. Filling is a step of its own so that another thread (the
 * offline meter's decoder) can copy a block while the true-peak thread interpolates the one before.
 */
public final class ChannelBlock {
    private final float[][] channels;
    private final float[] peaks;
    private int frames;

    public ChannelBlock(int channels, int maxFrames) {
        this.channels = new float[channels][TruePeakMeter.history() + maxFrames];
        this.peaks = new float[channels];
    }

    /**
     * Copies {@code frames} interleaved frames from {@code offset}. {@code previous} is the block just
     * before this one in the stream (this block itself when it is reused in turn), whose last samples
     * become this block's history; null at the start of a stream (silence before it).
     */
    public void fill(float[] interleaved, int offset, int frames, ChannelBlock previous) {
        if (frames > capacity()) {
            throw new IllegalArgumentException(frames + " frames exceed the block's " + capacity());
        }
        int h = TruePeakMeter.history();
        for (int c = 0; c < channels.length; c++) {
            float[] b = channels[c];
            if (previous == null) {
                java.util.Arrays.fill(b, 0, h, 0);
            } else {
                System.arraycopy(previous.channels[c], previous.frames, b, 0, h);
            }
            peaks[c] = copy(interleaved, offset + c, channels.length, b, h, frames);
        }
        this.frames = frames;
    }

    private static float copy(float[] interleaved, int first, int stride, float[] out, int at, int n) {
        float peak = 0;
        for (int i = 0; i < n; i++) {
            float x = interleaved[first + i * stride];
            out[at + i] = x;
            peak = Math.max(peak, Math.abs(x));
        }
        return peak;
    }

    public int channels() {
        return channels.length;
    }

    public int frames() {
        return frames;
    }

    public int capacity() {
        return channels[0].length - TruePeakMeter.history();
    }

    /** Channel {@code c}: its samples from {@link TruePeakMeter#history()}, the history before them. */
    float[] channel(int c) {
        return channels[c];
    }

    /** The largest |x| of channel {@code c} in this block (NaN if it holds one). */
    public float peak(int c) {
        return peaks[c];
    }
}
