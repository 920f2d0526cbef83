package dev.gainstage.engine.metering;

/**
 * The maximum true peak (BS.1770 Annex 2) of an interleaved stream since creation: the larger of
 * the sample peak and the interpolated inter-sample peaks of every channel. Lets a caller measure
 * true peak apart from a {@link StageMeter} (the offline meter runs it on a second core).
 * Allocates nothing after construction; single-threaded.
 */
public final class TruePeakHold {
    private final int channels;
    private final TruePeakMeter meter;
    private final float[][] buffers;
    private final int history;
    private double max;

    public TruePeakHold(int sampleRate, int channels, int maxBlockFrames) {
        this.channels = channels;
        int segment = Math.max(1, Math.min(maxBlockFrames, StageMeter.MAX_SEGMENT));
        this.meter = new TruePeakMeter(sampleRate, segment);
        this.history = TruePeakMeter.history();
        this.buffers = new float[channels][history + segment];
    }

    public void process(float[] interleaved, int offset, int frames) {
        int segment = buffers[0].length - history;
        for (int done = 0; done < frames; ) {
            int n = Math.min(segment, frames - done);
            for (int c = 0; c < channels; c++) {
                float[] b = buffers[c];
                max = Math.max(max, copyPeak(interleaved, offset + done * channels + c, channels, b, history, n));
                max = Math.max(max, meter.interSamplePeak(b, history, n, max)); // only what can raise max
                System.arraycopy(b, n, b, 0, history);
            }
            done += n;
        }
    }

    /** Copies one channel's samples into {@code out} at {@code at}; their largest |x|. */
    private static float copyPeak(float[] interleaved, int first, int stride, float[] out, int at, int n) {
        float peak = 0;
        for (int i = 0; i < n; i++) {
            float x = interleaved[first + i * stride];
            out[at + i] = x;
            peak = Math.max(peak, Math.abs(x));
        }
        return peak;
    }

    /** The maximum true peak in dBTP; NaN while nothing but silence was seen. */
    public double maxDbtp() {
        return Levels.amplitudeToDb(max);
    }
}
