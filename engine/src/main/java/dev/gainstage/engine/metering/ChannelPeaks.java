package dev.gainstage.engine.metering;

import java.util.Arrays;
import java.util.List;

/**
 * The sample peak and true peak of each channel of a {@link StageMeter}, over the meter's recent window
 * (resolved to its 100 ms sub-blocks) and held since reset, so a stereo stage shows a bar per channel.
 * The meter hands each segment's per-channel figures in; everything is allocated in {@link #initialize},
 * and {@link #add} and {@link #endSubBlock} allocate nothing. Single-threaded, like the meter.
 */
final class ChannelPeaks {
    private final int recentBlocks;
    private int channels;
    private SubBlockRing[] peaks = new SubBlockRing[0];
    private SubBlockRing[] truePeaks = new SubBlockRing[0];
    private double[] subPeak;
    private double[] subTruePeak;
    private double[] heldPeak;
    private double[] heldTruePeak;

    ChannelPeaks(int recentBlocks) {
        this.recentBlocks = recentBlocks;
    }

    void initialize(int channelCount) {
        channels = channelCount;
        peaks = new SubBlockRing[channelCount];
        truePeaks = new SubBlockRing[channelCount];
        for (int c = 0; c < channelCount; c++) {
            peaks[c] = new SubBlockRing(recentBlocks);
            truePeaks[c] = new SubBlockRing(recentBlocks);
        }
        subPeak = new double[channelCount];
        subTruePeak = new double[channelCount];
        heldPeak = new double[channelCount];
        heldTruePeak = new double[channelCount];
        reset();
    }

    void reset() {
        for (int c = 0; c < channels; c++) {
            peaks[c].reset();
            truePeaks[c].reset();
        }
        Arrays.fill(subPeak, 0);
        Arrays.fill(subTruePeak, 0);
        Arrays.fill(heldPeak, 0);
        Arrays.fill(heldTruePeak, 0);
    }

    /** Forgets the holds only (see {@link StageMeter#restartProgramme()}). */
    void resetHolds() {
        Arrays.fill(heldPeak, 0);
        Arrays.fill(heldTruePeak, 0);
    }

    /**
     * What channel {@code c}'s true peak in the current sub-block already reaches, given its segment's sample peak:
     * the floor below which its interpolation can skip. Never above the combined floor the meter used before it
     * kept channels apart, so the combined true peak comes out the same.
     */
    double truePeakFloor(int c, double segmentPeak) {
        return Math.max(subTruePeak[c], segmentPeak);
    }

    /** One segment of channel {@code c}: its sample peak and its true peak (NaN while true peak is off). */
    void add(int c, double peak, double truePeak) {
        subPeak[c] = Math.max(subPeak[c], peak);
        heldPeak[c] = Math.max(heldPeak[c], peak);
        if (truePeak > subTruePeak[c]) {
            subTruePeak[c] = truePeak;
            heldTruePeak[c] = Math.max(heldTruePeak[c], truePeak);
        }
    }

    void endSubBlock() {
        for (int c = 0; c < channels; c++) {
            peaks[c].push(subPeak[c]);
            truePeaks[c].push(subTruePeak[c]);
        }
        Arrays.fill(subPeak, 0);
        Arrays.fill(subTruePeak, 0);
    }

    /** A snapshot per channel; true peaks NaN when {@code truePeak} is off. Allocates the list and its records. */
    List<ChannelLevel> reading(boolean truePeak) {
        ChannelLevel[] levels = new ChannelLevel[channels];
        for (int c = 0; c < channels; c++) {
            double recent = Math.max(subPeak[c], peaks[c].max(recentBlocks));
            double recentTrue = Math.max(recent, Math.max(subTruePeak[c], truePeaks[c].max(recentBlocks)));
            levels[c] = new ChannelLevel(
                    Levels.amplitudeToDb(recent),
                    truePeak ? Levels.amplitudeToDb(recentTrue) : Double.NaN,
                    Levels.amplitudeToDb(heldPeak[c]),
                    truePeak ? Levels.amplitudeToDb(Math.max(heldPeak[c], heldTruePeak[c])) : Double.NaN);
        }
        return List.of(levels);
    }
}
