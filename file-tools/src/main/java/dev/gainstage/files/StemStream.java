package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;
import java.io.IOException;

/**
 * One stem as {@link MixAnalysis} reads it: metered at its own rate on its own samples, and handed to
 * the sum at the sum's rate, through a {@link Resampler} when its rate differs. A stem left out of the
 * sum is only metered, at the pace of the others. A read that fails throws a {@link AudioFileException}
 * naming the stem, so the mix can be analysed again without it.
 */
final class StemStream {
    private final String name;
    private final AudioSource reader;
    private final StageMeter meter;
    private final LevelSeries series;
    private final int rate;
    private final int sumRate;
    private final boolean inSum;
    /** Null when the stem is at the sum's rate or left out of the sum. */
    private final Resampler resampler;

    private final float[] own;
    private final int ownChunk;
    private long ownRead;
    private long sumGiven;
    private float intervalPeak;
    private boolean intervalHeard;

    /**
     * @param sumChunk the most frames {@link #next} is asked for; the stem reads at most about as many
     *                 of its own frames at a time, within {@code reader}'s block
     */
    StemStream(
            String name, AudioSource reader, int sumRate, boolean inSum, int sumChunk, double interval, MeterOptions o)
            throws AudioFileException {
        AudioFormat f = reader.format();
        this.name = name;
        this.reader = reader;
        this.rate = f.sampleRate();
        this.sumRate = sumRate;
        this.inSum = inSum;
        this.ownChunk = (int) Math.min(reader.blockFrames(), (long) sumChunk * rate / sumRate + 1);
        this.meter = FileMeter.newMeter(name, f, o, ownChunk);
        this.series = new LevelSeries(interval);
        this.own = new float[ownChunk * f.channels()];
        this.resampler = inSum && rate != sumRate ? new Resampler(rate, sumRate, f.channels(), ownChunk) : null;
    }

    /** The stem's length at the sum's rate. */
    static long framesAt(AudioFormat f, int sumRate) {
        return (f.frames() * sumRate + f.sampleRate() - 1) / f.sampleRate();
    }

    AudioFormat format() {
        return reader.format();
    }

    boolean resampled() {
        return resampler != null;
    }

    /**
     * The stem's next {@code frames} at the sum's rate into {@code out} (interleaved, its own channel
     * count); returns how many it had, fewer at its end, 0 when it is left out of the sum. Meters
     * the stem's own samples read on the way.
     */
    int next(float[] out, int frames) throws IOException {
        if (!inSum) {
            sumGiven += frames;
            long target = (sumGiven * rate + sumRate - 1) / sumRate;
            while (ownRead < target) {
                if (readOwn((int) Math.min(ownChunk, target - ownRead)) == 0) {
                    break;
                }
            }
            return 0;
        }
        if (resampler == null) {
            int got = readOwn(frames);
            System.arraycopy(own, 0, out, 0, got * reader.format().channels());
            return got;
        }
        int made = 0;
        while (true) {
            made += resampler.pull(out, made, frames - made);
            if (made == frames || resampler.done()) {
                return made;
            }
            int got = readOwn(ownChunk);
            if (got > 0) {
                resampler.push(own, got);
            } else {
                resampler.finish();
            }
        }
    }

    /** Reads and meters up to {@code frames} of the stem's own samples into {@link #own}. */
    private int readOwn(int frames) throws IOException {
        int got = reader.read(own, frames);
        if (got > 0) {
            meter.process(own, 0, got);
            int samples = got * reader.format().channels();
            for (int i = 0; i < samples; i++) {
                intervalPeak = Math.max(intervalPeak, Math.abs(own[i]));
            }
            intervalHeard = true;
            ownRead += got;
        }
        return got;
    }

    /** Ends a chart interval: the loudness and peak of the stem's samples read since the last. */
    void endInterval() {
        if (intervalHeard) {
            series.addMeasured(meter.reading().shortTermLufs(), intervalPeak, ownRead / (double) rate);
        } else {
            series.addGap();
        }
        intervalPeak = 0;
        intervalHeard = false;
    }

    TrackAnalysis analysis() {
        return new TrackAnalysis(name, reader.format(), meter.reading(), series);
    }
}
