package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

/**
 * Reads stems in lockstep, meters each (at its own rate) and their sample-by-sample sum, and records
 * levels over time. Every stem that can be read is analysed; one that cannot is reported in
 * {@link Result#unread()} and the mix is analysed without it (a stem that fails half-way is dropped
 * and the mix read again, so no figure holds part of it).
 *
 * <p>The sum is at the most common rate among the stems, the highest of them on a tie; a stem at
 * another rate is resampled into it ({@link Resampler}). The sum is as wide as most of the stems
 * wider than mono (the widest on a tie; mono when all are): mono stems are added to every channel of
 * it (a mono stem centred in a stereo mix), stems as wide as the sum channel by channel; a stem of
 * another width is left out of the sum and still judged on its own. {@link Result#sumNotes()} says which stems were resampled or left out. A stem that ends
 * early contributes silence from then on.
 */
public final class MixAnalysis {
    /** Charts get at most about this many points, and at least one every 100 ms. */
    static final int MAX_POINTS = 600;

    /**
     * @param stems    the stems read, in argument order
     * @param sum      their sum; null when no stem could be read
     * @param unread   the stems that could not be read, with why
     * @param sumNotes per stem name, how it went into the sum when not as it is (resampled, left out)
     */
    public record Result(
            List<TrackAnalysis> stems, TrackAnalysis sum, List<Unread> unread, Map<String, SumNote> sumNotes) {}

    /** How a stem went into the sum when not as it is: resampled, or left out; {@code text} says which and why. */
    public record SumNote(boolean inSum, String text) {}

    /** A stem that could not be read: its position among the arguments, its name and the problem. */
    public record Unread(int index, String file, String problem) {
        public String describe() {
            return file + ": " + problem;
        }
    }

    /** A stem's read failed; the mix is read again without it. */
    private static final class StemFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Unread unread;

        StemFailed(Unread unread) {
            super(unread.describe(), null, false, false);
            this.unread = unread;
        }
    }

    private MixAnalysis() {}

    /** @param progress receives the fraction done (0..1) after every chart interval */
    public static Result analyze(List<Path> files, MeterOptions options, DoubleConsumer progress) {
        List<Unread> unread = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            left.add(i);
        }
        while (true) {
            if (left.isEmpty()) {
                return new Result(List.of(), null, sorted(unread), Map.of());
            }
            try {
                return analyzeOnce(files, left, options, progress, sorted(unread));
            } catch (StemFailed e) {
                unread.add(e.unread);
                left.remove(Integer.valueOf(e.unread.index()));
            }
        }
    }

    private static List<Unread> sorted(List<Unread> unread) {
        return unread.stream().sorted(Comparator.comparingInt(Unread::index)).toList();
    }

    /** The stem's problem in one line: a {@link AudioFileException}'s own words, else the exception's message. */
    private static StemFailed failed(int index, Path file, Exception e) {
        String problem = e instanceof AudioFileException w
                ? w.problem()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new StemFailed(new Unread(index, file.toString(), problem));
    }

    private static Result analyzeOnce(
            List<Path> files, List<Integer> indices, MeterOptions options, DoubleConsumer progress, List<Unread> unread)
            throws StemFailed {
        List<AudioSource> readers = new ArrayList<>();
        try {
            for (int i : indices) {
                try {
                    readers.add(AudioFiles.open(files.get(i)));
                } catch (IOException | RuntimeException e) {
                    throw failed(i, files.get(i), e);
                }
            }
            return analyzeOpen(files, indices, readers, options, progress, unread);
        } finally {
            for (AudioSource r : readers) {
                try {
                    r.close();
                } catch (IOException e) {
                    // read-only: nothing was written that closing could lose
                }
            }
        }
    }

    /** The most common rate among the stems; the highest of them on a tie. */
    static int sumRate(List<AudioFormat> formats) {
        return mostCommon(formats.stream().mapToInt(AudioFormat::sampleRate).toArray(), 0);
    }

    /** The most common value, the highest of them on a tie; {@code none} for no values. */
    private static int mostCommon(int[] values, int none) {
        Map<Integer, Integer> count = new TreeMap<>();
        for (int v : values) {
            count.merge(v, 1, Integer::sum);
        }
        int best = none;
        int most = 0;
        for (Map.Entry<Integer, Integer> e : count.entrySet()) { // ascending: a later value as common wins
            if (e.getValue() >= most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static Result analyzeOpen(
            List<Path> files,
            List<Integer> indices,
            List<AudioSource> readers,
            MeterOptions options,
            DoubleConsumer progress,
            List<Unread> unread)
            throws StemFailed {
        List<AudioFormat> formats = readers.stream().map(AudioSource::format).toList();
        int rate = sumRate(formats);
        int sumChannels = mostCommon(
                formats.stream()
                        .mapToInt(AudioFormat::channels)
                        .filter(c -> c > 1)
                        .toArray(),
                1);
        int n = readers.size();
        boolean[] inSum = new boolean[n];
        long longestSum = 0;
        long longest = 0;
        int chunkCap = Integer.MAX_VALUE;
        Map<String, SumNote> notes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AudioFormat f = formats.get(i);
            String name = files.get(indices.get(i)).toString();
            inSum[i] = f.channels() == 1 || f.channels() == sumChannels;
            long frames = StemStream.framesAt(f, rate);
            longest = Math.max(longest, frames);
            if (!inSum[i]) {
                notes.put(
                        name,
                        new SumNote(
                                false,
                                "left out of the sum: " + name + ": " + f.channels()
                                        + " channels cannot be summed into a " + sumChannels
                                        + "-channel mix (only mono or " + sumChannels + "-channel stems)"));
                continue;
            }
            longestSum = Math.max(longestSum, frames);
            if (f.sampleRate() == rate) {
                chunkCap = Math.min(chunkCap, readers.get(i).blockFrames());
            } else {
                notes.put(
                        name,
                        new SumNote(
                                true,
                                "resampled for the sum: " + name + " (" + f.sampleRate() + " Hz to " + rate + " Hz)"));
            }
        }
        double seconds = longest / (double) rate;
        double interval = Math.max(0.1, Math.ceil(seconds / MAX_POINTS * 10) / 10);
        int chunk = (int) Math.max(1, Math.min(Math.round(interval * rate), chunkCap));
        interval = chunk / (double) rate;

        StemStream[] streams = new StemStream[n];
        float[][] buffers = new float[n][];
        for (int i = 0; i < n; i++) {
            int index = indices.get(i);
            try {
                streams[i] = new StemStream(
                        files.get(index).toString(), readers.get(i), rate, inSum[i], chunk, interval, options);
            } catch (AudioFileException | RuntimeException e) {
                throw failed(index, files.get(index), e);
            }
            buffers[i] = new float[chunk * formats.get(i).channels()];
        }
        AudioFormat sumFormat = new AudioFormat(rate, sumChannels, 32, true, longestSum);
        StageMeter sumMeter;
        try {
            sumMeter = FileMeter.newMeter("sum", sumFormat, options, chunk);
        } catch (AudioFileException e) {
            throw new IllegalStateException("the sum is at a rate a stem's meter took: " + e.getMessage(), e);
        }
        LevelSeries sumSeries = new LevelSeries(interval);
        float[] mix = new float[chunk * sumChannels];

        for (long done = 0; done < longest; ) {
            int frames = (int) Math.min(chunk, longest - done);
            Arrays.fill(mix, 0, frames * sumChannels, 0f);
            for (int i = 0; i < n; i++) {
                int got;
                try {
                    got = streams[i].next(buffers[i], frames);
                } catch (IOException | RuntimeException e) {
                    throw failed(indices.get(i), files.get(indices.get(i)), e);
                }
                streams[i].endInterval();
                addInto(mix, sumChannels, buffers[i], formats.get(i).channels(), got);
            }
            int sumFrames = (int) Math.max(0, Math.min(frames, longestSum - done));
            if (sumFrames > 0) {
                sumMeter.process(mix, 0, sumFrames);
                sumSeries.addMeasured(
                        sumMeter.reading().shortTermLufs(),
                        peak(mix, sumFrames * sumChannels),
                        (done + sumFrames) / (double) rate);
            }
            done += frames;
            progress.accept(done / (double) longest);
        }
        List<TrackAnalysis> stems = new ArrayList<>();
        for (StemStream s : streams) {
            stems.add(s.analysis());
        }
        return new Result(
                stems,
                new TrackAnalysis("sum", sumFormat, sumMeter.reading(), sumSeries),
                unread,
                Collections.unmodifiableMap(notes));
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

    private static float peak(float[] x, int samples) {
        float peak = 0;
        for (int i = 0; i < samples; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }
}
