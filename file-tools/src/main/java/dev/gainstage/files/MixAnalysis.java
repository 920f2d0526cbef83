package dev.gainstage.files;

import dev.gainstage.engine.metering.Levels;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Reads stems in lockstep, meters each and their sample-by-sample sum, and records levels over
 * time. The sum has as many channels as the widest stem: mono stems are added to every channel of
 * it (a mono stem centred in a stereo mix), stems as wide as the sum channel by channel. All stems
 * must share one sample rate; a stem that ends early contributes silence from then on.
 */
public final class MixAnalysis {
    /** Charts get at most about this many points, and at least one every 100 ms. */
    static final int MAX_POINTS = 600;

    public record Result(List<TrackAnalysis> stems, TrackAnalysis sum) {}

    private MixAnalysis() {}

    /** @param progress receives the fraction done (0..1) after every chart interval */
    public static Result analyze(List<Path> files, MeterOptions options, DoubleConsumer progress) throws IOException {
        List<WavReader> readers = new ArrayList<>();
        try {
            for (Path f : files) {
                readers.add(WavReader.open(f));
            }
            return analyzeOpen(files, readers, options, progress);
        } finally {
            for (WavReader r : readers) {
                r.close();
            }
        }
    }

    private static Result analyzeOpen(
            List<Path> files, List<WavReader> readers, MeterOptions options, DoubleConsumer progress)
            throws IOException {
        WavFormat first = readers.get(0).format();
        int rate = first.sampleRate();
        int sumChannels = 0;
        long longest = 0;
        for (int i = 0; i < readers.size(); i++) {
            WavFormat f = readers.get(i).format();
            if (f.sampleRate() != rate) {
                throw new WavException(
                        files.get(i).toString(),
                        "sample rate " + f.sampleRate() + " Hz differs from " + files.get(0) + " (" + rate
                                + " Hz); stems must share one rate to be summed");
            }
            sumChannels = Math.max(sumChannels, f.channels());
            longest = Math.max(longest, f.frames());
        }
        for (int i = 0; i < readers.size(); i++) {
            int ch = readers.get(i).format().channels();
            if (ch != 1 && ch != sumChannels) {
                throw new WavException(
                        files.get(i).toString(),
                        ch + " channels cannot be summed into a " + sumChannels + "-channel mix (only mono or "
                                + sumChannels + "-channel stems)");
            }
        }
        double seconds = longest / (double) rate;
        double interval = Math.max(0.1, Math.ceil(seconds / MAX_POINTS * 10) / 10);
        int chunk = (int) Math.min(
                Math.round(interval * rate),
                readers.stream().mapToInt(WavReader::blockFrames).min().orElse(1));
        interval = chunk / (double) rate;

        int n = readers.size();
        StageMeter[] meters = new StageMeter[n];
        LevelSeries[] series = new LevelSeries[n];
        float[][] buffers = new float[n][];
        for (int i = 0; i < n; i++) {
            WavFormat f = readers.get(i).format();
            meters[i] = FileMeter.newMeter(files.get(i).toString(), f, options, chunk);
            series[i] = new LevelSeries(interval);
            buffers[i] = new float[chunk * f.channels()];
        }
        WavFormat sumFormat = new WavFormat(rate, sumChannels, 32, true, longest);
        StageMeter sumMeter = FileMeter.newMeter("sum", sumFormat, options, chunk);
        LevelSeries sumSeries = new LevelSeries(interval);
        float[] mix = new float[chunk * sumChannels];

        for (long done = 0; done < longest; ) {
            int frames = (int) Math.min(chunk, longest - done);
            java.util.Arrays.fill(mix, 0, frames * sumChannels, 0f);
            for (int i = 0; i < n; i++) {
                // chunk <= every reader's block, so one read gives all the frames the stem still has
                int got = readers.get(i).read(buffers[i], frames);
                int ch = readers.get(i).format().channels();
                if (got > 0) {
                    meters[i].process(buffers[i], 0, got);
                    series[i].add(meters[i].reading().shortTermLufs(), peakDb(buffers[i], got * ch));
                } else {
                    series[i].add(Double.NaN, Double.NaN);
                }
                addInto(mix, sumChannels, buffers[i], ch, got);
            }
            sumMeter.process(mix, 0, frames);
            sumSeries.add(sumMeter.reading().shortTermLufs(), peakDb(mix, frames * sumChannels));
            done += frames;
            progress.accept(done / (double) longest);
        }
        List<TrackAnalysis> stems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stems.add(new TrackAnalysis(
                    files.get(i).toString(), readers.get(i).format(), meters[i].reading(), series[i]));
        }
        return new Result(stems, new TrackAnalysis("sum", sumFormat, sumMeter.reading(), sumSeries));
    }

    /** Adds {@code frames} of a stem into the mix: channel by channel, or a mono stem into every channel. */
    static void addInto(float[] mix, int mixChannels, float[] stem, int stemChannels, int frames) {
        if (stemChannels == mixChannels) {
            for (int i = 0, end = frames * mixChannels; i < end; i++) {
                mix[i] += stem[i];
            }
        } else {
            for (int f = 0; f < frames; f++) {
                float v = stem[f];
                for (int c = 0; c < mixChannels; c++) {
                    mix[f * mixChannels + c] += v;
                }
            }
        }
    }

    private static double peakDb(float[] x, int samples) {
        float peak = 0;
        for (int i = 0; i < samples; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return Levels.amplitudeToDb(peak);
    }
}
