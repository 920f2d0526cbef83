package dev.gainstage.engine.metering;

import java.util.Arrays;
import java.util.List;

/**
 * Streaming meter for one tap point (1..8 channels). Single-threaded: one thread feeds it and asks
 * for readings.
 *
 * <p>Audio is cut into segments that never cross a 50 ms frame boundary (two frames make the 100 ms
 * sub-block all loudness windows are built from) and never exceed the internal buffer, so a stream
 * is cut the same way whatever the caller's blocks (to the last bit when blocks start at sub-block
 * boundaries). K-weighting and the raw statistics read the interleaved segment in one pass per pair
 * of channels; for true peak each segment is also copied into per-channel buffers that keep the
 * interpolator's history in front, one contiguous float array each, which lets the JIT vectorise the
 * interpolator. Everything is allocated in {@link #initialize}; {@link #process} allocates nothing.
 *
 * <p>Its {@link MeterMode} says which costly figures it computes (true peak, loudness, the loudness
 * histograms); memory for a figure exists only while it is on. The mode may change between blocks
 * ({@link #mode(MeterMode)}, which allocates what it turns on): a figure turned on starts from the next
 * block (true peak interpolates once it holds its filter's history again, loudness from the next 100 ms
 * sub-block; the held true peak counts the sample peaks from before), a figure turned off reads NaN.
 *
 * <p>Over 300 lines because the segmenting loop and the accumulators it feeds per 50 ms frame and 100 ms sub-block
 * are one unit: they share the position within the frame and sub-block on every sample, on the real-time path, and
 * splitting them would put calls and shared mutable state between them. The figures themselves are computed by the
 * parts it holds ({@code KWeightingFilter}, {@code LoudnessMeter}, {@code TruePeakMeter}, {@code ClipCounter},
 * {@code NoiseFloorEstimator}, {@code EventCounter}, {@code ChannelPeaks}).
 */
public final class StageMeter {
    /**
     * Segment length cap: a 50 ms frame up to 96 kHz, so a segment is a whole frame (at 48 kHz a
     * 2048 cap made every other segment 352 frames, and twice the calls); per-channel buffers of this
     * size still stay in the L2 cache.
     */
    static final int MAX_SEGMENT = 4800;

    private static final int MIN_SAMPLE_RATE = 8_000;
    private static final int MAX_SAMPLE_RATE = 768_000;
    /** 50 ms frames below this RMS do not count as signal ({@link MeterReading#signalSeconds()}). */
    static final double SIGNAL_THRESHOLD_DBFS = -70;

    private static final double SIGNAL_THRESHOLD_POWER = Math.pow(10, SIGNAL_THRESHOLD_DBFS / 10);

    private final MeterOptions options;
    private final int recentBlocks;

    private int sampleRate;
    private int channels;
    private int subBlockFrames;
    private int[] frameLengths;
    private double[] weights;
    private KWeightingFilter kWeighting;
    private TruePeakMeter truePeak;
    private ClipCounter clips;
    private final LoudnessMeter loudness = new LoudnessMeter();
    private MeterMode mode = MeterMode.FULL;
    /** Samples still to pass before the interpolator has its history after true peak was turned on. */
    private int truePeakWarmup;
    /** Loudness was turned on within the current sub-block, whose energy is then incomplete. */
    private boolean partialSubBlock;

    private final NoiseFloorEstimator noiseFloor = new NoiseFloorEstimator();
    private final EventCounter events = new EventCounter(SIGNAL_THRESHOLD_POWER);
    private final ChannelPeaks channelPeaks;
    private SubBlockRing peaks;
    private SubBlockRing truePeaks;
    private SubBlockRing powers;
    private SubBlockRing crossProducts;
    private SubBlockRing leftSquares;
    private SubBlockRing rightSquares;
    /** Per channel: true-peak history followed by the current segment. */
    private float[][] buffers;

    private int history;
    private double[] channelSums;
    /** Per channel (and one for the copy an odd last channel is paired with): what its segment measured. */
    private SegmentStats[] stats;

    // position within the current 100 ms sub-block
    private int frameIndex; // 0 or 1: which 50 ms half
    private int frameFill;
    // accumulators of the current 50 ms frame and 100 ms sub-block
    private double framePower;
    private double subPower;
    private double subEnergy;
    private double subPeak;
    private double subTruePeak;
    private double subCross;
    private double subLeft;
    private double subRight;
    // accumulators of the segment being processed
    private double segmentSquares;
    private double segmentPeak;
    private double segmentTruePeak;
    // since initialize/reset
    private long frames;
    private long signalFrames;
    private double totalSquares;
    private double maxPeak;
    private double maxTruePeak;

    private boolean truePeakEnabled = true;

    public StageMeter(MeterOptions options) {
        this.options = options;
        this.recentBlocks = Math.max(1, (int) Math.round(options.recentWindowSeconds() * 10));
        this.channelPeaks = new ChannelPeaks(recentBlocks);
    }

    /**
     * Allocates everything for this format. {@code maxBlockFrames} is only checked to be positive: the meter cuts
     * blocks of any size into segments of its own, so its memory does not depend on the caller's block size.
     */
    public void initialize(int sampleRate, int channels, int maxBlockFrames) {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate must be within " + MIN_SAMPLE_RATE + ".." + MAX_SAMPLE_RATE
                    + " Hz, got " + sampleRate);
        }
        if (maxBlockFrames < 1) {
            throw new IllegalArgumentException("maxBlockFrames must be positive, got " + maxBlockFrames);
        }
        this.weights = ChannelWeights.forChannels(channels);
        this.sampleRate = sampleRate;
        this.channels = channels;
        // libebur128 rounds the same way; all sub-blocks have equal length so windows are exact.
        this.subBlockFrames = (sampleRate + 5) / 10;
        this.frameLengths = new int[] {subBlockFrames / 2, subBlockFrames - subBlockFrames / 2};
        this.kWeighting = new KWeightingFilter(sampleRate, channels);
        this.history = TruePeakMeter.history();
        this.truePeak = null;
        this.buffers = null;
        allocateFor(mode);
        this.clips = new ClipCounter(channels);
        this.channelPeaks.initialize(channels);
        this.peaks = new SubBlockRing(recentBlocks);
        this.truePeaks = new SubBlockRing(recentBlocks);
        this.crossProducts = new SubBlockRing(recentBlocks);
        this.leftSquares = new SubBlockRing(recentBlocks);
        this.rightSquares = new SubBlockRing(recentBlocks);
        this.powers = new SubBlockRing(LoudnessMeter.MOMENTARY_BLOCKS);
        loudness.keepHistory(mode.loudnessHistory());
        this.channelSums = new double[channels];
        this.stats = new SegmentStats[channels + 1];
        for (int c = 0; c < stats.length; c++) {
            stats[c] = new SegmentStats();
        }
        reset();
    }

    /** Back to the freshly initialized state; allocates nothing. */
    public void reset() {
        requireInitialized();
        kWeighting.reset();
        clips.reset();
        channelPeaks.reset();
        loudness.reset();
        noiseFloor.reset();
        events.reset();
        peaks.reset();
        truePeaks.reset();
        powers.reset();
        crossProducts.reset();
        leftSquares.reset();
        rightSquares.reset();
        if (buffers != null) {
            for (float[] b : buffers) {
                Arrays.fill(b, 0);
            }
        }
        truePeakWarmup = 0;
        partialSubBlock = false;
        Arrays.fill(channelSums, 0);
        frameIndex = 0;
        frameFill = 0;
        framePower = subPower = subEnergy = subPeak = subTruePeak = subCross = subLeft = subRight = 0;
        frames = 0;
        signalFrames = 0;
        totalSquares = 0;
        maxPeak = 0;
        maxTruePeak = 0;
    }

    /**
     * Chooses the figures to compute from the next block on; before {@link #initialize}, the figures it
     * allocates for. Allocates what it turns on and lets go of what it turns off (see the class comment).
     */
    public void mode(MeterMode next) {
        MeterMode before = mode;
        mode = next;
        if (channels == 0 || next.equals(before)) {
            return;
        }
        if (next.truePeak() && !before.truePeak()) {
            allocateFor(next);
            truePeakWarmup = history;
        } else if (!next.truePeak()) {
            truePeak = null;
            buffers = null;
        }
        if (next.loudness() && !before.loudness()) {
            kWeighting.reset();
            loudness.reset();
            partialSubBlock = frameIndex != 0 || frameFill != 0;
        }
        loudness.keepHistory(next.loudnessHistory());
    }

    public MeterMode mode() {
        return mode;
    }

    /** The interpolator and its per-channel buffers (zeros: as if preceded by silence) when true peak is on. */
    private void allocateFor(MeterMode m) {
        if (m.truePeak() && truePeak == null) {
            int segment = Math.min(MAX_SEGMENT, subBlockFrames - subBlockFrames / 2);
            truePeak = new TruePeakMeter(sampleRate);
            buffers = new float[channels][history + segment];
        }
    }

    /**
     * Measures the programme afresh from here, as a loudness meter's reset does: all loudness (its windows too, so no
     * gating block holds audio from before) and the peak holds start again, while the filters, the recent peaks and
     * the other figures go on. Allocates nothing.
     */
    public void restartProgramme() {
        requireInitialized();
        loudness.reset();
        channelPeaks.resetHolds();
        maxPeak = 0;
        maxTruePeak = 0;
    }

    /**
     * Stops (or resumes) measuring true peak, for a caller that measures it elsewhere, e.g. with a
     * {@link TruePeakHold} on another core. While disabled, readings report true peak as NaN.
     */
    public void measureTruePeak(boolean enabled) {
        this.truePeakEnabled = enabled;
    }

    /** Meters {@code frames} interleaved frames starting at {@code offset}; any block size; allocates nothing. */
    public void process(float[] interleaved, int offset, int frames) {
        requireInitialized();
        if (offset < 0 || frames < 0 || (long) offset + (long) frames * channels > interleaved.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + " + frames + " frames x " + channels
                    + " channels exceeds the array of " + interleaved.length);
        }
        int pos = offset;
        int left = frames;
        while (left > 0) {
            int n = segment(left);
            processSegment(interleaved, pos, n);
            pos += n * channels;
            left -= n;
        }
    }

    /** The next segment's length, of at most {@code left} frames: to the end of the 50 ms frame, within the cap. */
    int segment(int left) {
        return Math.min(left, Math.min(Math.min(MAX_SEGMENT, frameLengths[1]), frameLengths[frameIndex] - frameFill));
    }

    /** Whether this meter's K-weighting can run as a lane beside others ({@link MonoGroup}): mono, loudness on. */
    boolean canShare() {
        return channels == 1 && mode.loudness();
    }

    /**
     * Whether {@link MonoGroup} meters these two in one pass: both {@link #canShare}, at the same rate and the same
     * place in their 50 ms frames (taps of one adapter are, unless one restarted), so their segments are cut alike.
     */
    static boolean sharesPass(StageMeter a, StageMeter b) {
        return a != b
                && a.canShare()
                && b.canShare()
                && a.sampleRate == b.sampleRate
                && a.frameIndex == b.frameIndex
                && a.frameFill == b.frameFill;
    }

    KWeightingFilter kWeighting() {
        return kWeighting;
    }

    /** What the first pass over a mono segment measured, where {@link MonoGroup}'s lanes write it. */
    SegmentStats monoStats() {
        return stats[0];
    }

    /**
     * Each per-sample step runs once over every channel from one call site, so the JIT compiles each
     * loop once (a copy per channel made the first compile of this method the slowest of a run).
     * K-weighting reads the interleaved block itself; channels are copied out only for true peak.
     */
    private void processSegment(float[] interleaved, int pos, int n) {
        boolean weighting = mode.loudness();
        for (int c = 0; c < channels; c += 2) {
            int second = c + 1 < channels ? c + 1 : c; // an odd last channel pairs with itself
            if (weighting) {
                kWeighting.filterAndMeasure(
                        c / 2, interleaved, pos + c, pos + second, channels, n, stats[c], stats[c + 1]);
            } else {
                PlainStats.measure(interleaved, pos + c, pos + second, channels, n, stats[c], stats[c + 1]);
            }
        }
        afterFirstPass(interleaved, pos, n);
    }

    /** Everything of a segment after the pass that filled {@link #stats}. */
    void afterFirstPass(float[] interleaved, int pos, int n) {
        segmentSquares = 0;
        segmentPeak = 0;
        segmentTruePeak = 0;
        for (int c = 0; c < channels; c++) {
            segmentPeak = Math.max(segmentPeak, stats[c].peak); // first, so true peak can skip more
        }
        boolean interpolating = measuringTruePeak();
        if (interpolating) {
            for (int c = 0; c < channels; c++) {
                deinterleave(interleaved, pos + c, channels, buffers[c], history, n);
            }
        }
        int skip = interpolating ? Math.min(n, truePeakWarmup) : n;
        for (int c = 0; c < channels; c++) {
            measureChannel(c, interleaved, pos + c, n, skip, stats[c]);
        }
        if (interpolating) {
            truePeakWarmup -= skip;
        }
        if (channels > 1) {
            subCross += stats[0].products;
        }
        keepHistory(interleaved, pos, n);
        framePower += segmentSquares;
        subPower += segmentSquares;
        totalSquares += segmentSquares;
        subPeak = Math.max(subPeak, segmentPeak);
        subTruePeak = Math.max(subTruePeak, Math.max(segmentPeak, segmentTruePeak));
        maxPeak = Math.max(maxPeak, segmentPeak);
        maxTruePeak = Math.max(maxTruePeak, subTruePeak);
        this.frames += n;
        frameFill += n;
        if (frameFill == frameLengths[frameIndex]) {
            endFrame();
        }
    }

    /**
     * The per-channel figures of a segment (channel {@code c} from {@code first}) whose first pass measured
     * {@code s}; true peak between its samples from {@code skip} on (all of them unless just turned on).
     */
    private void measureChannel(int c, float[] interleaved, int first, int n, int skip, SegmentStats s) {
        subEnergy += weights[c] * s.weightedSquares;
        double channelTruePeak = Double.NaN;
        if (skip < n) {
            // Only values above what this sub-block already holds can change its true peak, and only values above
            // what the channel's hold reaches can change that: the lower of the two is the floor, so both are exact.
            double combinedFloor = Math.max(subTruePeak, Math.max(segmentPeak, segmentTruePeak));
            double floor = Math.min(combinedFloor, channelPeaks.truePeakFloor(c, s.peak));
            double interSample = truePeak.interSamplePeak(buffers[c], history + skip, n - skip, floor);
            segmentTruePeak = Math.max(segmentTruePeak, interSample);
            channelTruePeak = Math.max(s.peak, interSample);
        }
        channelPeaks.add(c, s.peak, channelTruePeak);
        clips.scan(c, interleaved, first, channels, n, s.peak, options.clipLevel());
        channelSums[c] += s.sum;
        segmentSquares += s.squares;
        if (c == 0) {
            subLeft += s.squares;
        } else if (c == 1) {
            subRight += s.squares;
        }
    }

    /**
     * Leaves each channel's last {@link TruePeakMeter#history()} samples in front of its buffer, where
     * the interpolator reads them, also while true peak is off (so turning it on again is exact).
     */
    private void keepHistory(float[] interleaved, int pos, int n) {
        if (buffers == null) {
            return; // true peak is off in this mode: no history to keep
        }
        int h = history;
        for (int c = 0; c < channels; c++) {
            float[] b = buffers[c];
            if (truePeakEnabled) {
                System.arraycopy(b, n, b, 0, h);
            } else {
                int fresh = Math.min(n, h);
                System.arraycopy(b, fresh, b, 0, h - fresh);
                deinterleave(interleaved, pos + (n - fresh) * channels + c, channels, b, h - fresh, fresh);
            }
        }
    }

    private static void deinterleave(float[] interleaved, int first, int stride, float[] out, int at, int n) {
        for (int i = 0; i < n; i++) {
            out[at + i] = interleaved[first + i * stride];
        }
    }

    private void endFrame() {
        int length = frameLengths[frameIndex];
        double meanSquare = framePower / ((double) length * channels);
        noiseFloor.add(meanSquare);
        events.add(meanSquare);
        if (meanSquare > SIGNAL_THRESHOLD_POWER) {
            signalFrames += length;
        }
        framePower = 0;
        frameFill = 0;
        if (frameIndex == 0) {
            frameIndex = 1;
            return;
        }
        frameIndex = 0;
        peaks.push(subPeak);
        truePeaks.push(subTruePeak);
        powers.push(subPower / ((double) subBlockFrames * channels));
        crossProducts.push(subCross);
        leftSquares.push(subLeft);
        rightSquares.push(subRight);
        if (mode.loudness() && !partialSubBlock) {
            loudness.addSubBlock(subEnergy / subBlockFrames);
        }
        partialSubBlock = false;
        channelPeaks.endSubBlock();
        subPower = subEnergy = subPeak = subTruePeak = subCross = subLeft = subRight = 0;
    }

    /** A snapshot of every figure; allocates the one immutable record. */
    public MeterReading reading() {
        requireInitialized();
        double recentPeak = Math.max(subPeak, peaks.max(recentBlocks));
        double recentTruePeak = Math.max(recentPeak, Math.max(subTruePeak, truePeaks.max(recentBlocks)));
        double aes17 = options.aes17Rms() ? Levels.AES17_OFFSET_DB : 0;
        int rmsBlocks = powers.count();
        double rms = rmsBlocks == 0 ? Double.NaN : Levels.powerToDb(powers.sum(rmsBlocks) / rmsBlocks) + aes17;
        double plainOverallRms =
                frames == 0 ? Double.NaN : Levels.powerToDb(totalSquares / ((double) frames * channels));
        double maxPeakDb = Levels.amplitudeToDb(maxPeak);
        boolean loud = mode.loudness();
        return new MeterReading(
                frames,
                frames / (double) sampleRate,
                Levels.amplitudeToDb(recentPeak),
                measuringTruePeak() ? Levels.amplitudeToDb(recentTruePeak) : Double.NaN,
                rms,
                loud ? loudness.momentaryLufs() : Double.NaN,
                loud ? loudness.shortTermLufs() : Double.NaN,
                maxPeakDb,
                measuringTruePeak() ? Levels.amplitudeToDb(maxTruePeak) : Double.NaN,
                loud ? loudness.integratedLufs() : Double.NaN,
                loud ? loudness.loudnessRangeLu() : Double.NaN,
                loud ? loudness.maxMomentaryLufs() : Double.NaN,
                loud ? loudness.maxShortTermLufs() : Double.NaN,
                plainOverallRms + aes17,
                maxPeakDb - plainOverallRms,
                dcOffset(),
                clips.samples(),
                clips.runs(),
                noiseFloor.estimateDbfs(),
                correlation(),
                signalFrames / (double) sampleRate,
                events.events());
    }

    /**
     * Each channel's sample peak, recent and held, and its true peak held (NaN while true peak is off), for a bar per
     * channel; the combined figures stay in {@link #reading()}. Allocates the list and one record per channel.
     */
    public List<ChannelLevel> channelLevels() {
        requireInitialized();
        return channelPeaks.reading(measuringTruePeak());
    }

    private double dcOffset() {
        if (frames == 0) {
            return Double.NaN;
        }
        double worst = 0;
        for (double s : channelSums) {
            double mean = s / frames;
            if (Math.abs(mean) > Math.abs(worst)) {
                worst = mean;
            }
        }
        return worst;
    }

    private double correlation() {
        if (channels < 2) {
            return Double.NaN;
        }
        double ll = subLeft + leftSquares.sum(recentBlocks);
        double rr = subRight + rightSquares.sum(recentBlocks);
        double lr = subCross + crossProducts.sum(recentBlocks);
        if (!(ll > 0 && rr > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, lr / Math.sqrt(ll * rr)));
    }

    /** True peak is computed: on in the mode and not handed to another meter ({@link #measureTruePeak}). */
    private boolean measuringTruePeak() {
        return truePeakEnabled && truePeak != null;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    private void requireInitialized() {
        if (channels == 0) {
            throw new IllegalStateException("StageMeter used before initialize(sampleRate, channels, maxBlockFrames)");
        }
    }
}
