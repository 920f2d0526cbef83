package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;

/** The meter of one tap, re-initialized when the tap's format changes. Owned by the session's feeding thread. */
final class TapMeter {
    private static final int MAX_BLOCK = 4096;

    final TapKey key;
    private final StageMeter meter;
    private int sampleRate;
    private int channels;
    private long frames;
    long droppedBlocks;
    /** The last batch that carried this tap, to spot a batch that carries it twice. */
    private long batch;

    TapMeter(TapKey key, MeterOptions options) {
        this.key = key;
        this.meter = new StageMeter(options);
    }

    void feed(float[] samples, int sampleRate, int channels, int frameCount) {
        if (sampleRate != this.sampleRate || channels != this.channels) {
            meter.initialize(sampleRate, channels, MAX_BLOCK);
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.frames = 0;
        }
        meter.process(samples, 0, frameCount);
        frames += frameCount;
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

    double seconds() {
        return sampleRate == 0 ? 0 : frames / (double) sampleRate;
    }

    StageMeter meter() {
        return meter;
    }
}
