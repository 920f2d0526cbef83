package dev.gainstage.engine.metering;

import java.util.Arrays;
import java.util.List;

/**
 * The peaks of each channel of a {@link StageMeter}, so a stereo stage shows a bar per channel: the sample peak over
 * the meter's recent window (resolved to its 100 ms sub-blocks), the sample peak held since reset, and the true peak
 * held since reset. A channel's true peak is kept as a hold only: its interpolation then skips everything at or
 * below what the channel already reached, which costs next to nothing once it has played (a recent window per
 * channel would interpolate the quieter channel of every stereo tap anew every 3 s; the combined true peak keeps its
 * recent window in the meter). The meter hands each segment's per-channel figures in; everything is allocated in
 * {@link #initialize}, and {@link #add} and {@link #endSubBlock} allocate nothing. Single-threaded, like the meter.
 */
final class ChannelPeaks {
    private final int recentBlocks;
    private int channels;
    private SubBlockRing[] peaks = new SubBlockRing[0];
    private double[] subPeak;
    private double[] heldPeak;
    private double[] heldTruePeak;

    ChannelPeaks(int recentBlocks) {
        this.recentBlocks = recentBlocks;
    }

    void initialize(int channelCount) {
        channels = channelCount;
        peaks = new SubBlockRing[channelCount];
        for (int c = 0; c < channelCount; c++) {
            peaks[c] = new SubBlockRing(recentBlocks);
        }
        subPeak = new double[channelCount];
        heldPeak = new double[channelCount];
        heldTruePeak = new double[channelCount];
        reset();
    }

    void reset() {
        for (int c = 0; c < channels; c++) {
            peaks[c].reset();
        }
        Arrays.fill(subPeak, 0);
        resetHolds();
    }

    /** Forgets the holds only (see {@link StageMeter#restartProgramme()}). */
    void resetHolds() {
        Arrays.fill(heldPeak, 0);
        Arrays.fill(heldTruePeak, 0);
    }

    /**
     * What channel {@code c}'s true-peak hold already reaches, given its segment's sample peak: nothing at or below it
     * can raise the hold.
     */
    double truePeakFloor(int c, double segmentPeak) {
        return Math.max(heldTruePeak[c], segmentPeak);
    }

    /**
     * One segment of channel {@code c}: its sample peak and its true peak (NaN while true peak is off), the latter
     * exact wherever it exceeds {@link #truePeakFloor}.
     */
    void add(int c, double peak, double truePeak) {
        subPeak[c] = Math.max(subPeak[c], peak);
        heldPeak[c] = Math.max(heldPeak[c], peak);
        if (truePeak > heldTruePeak[c]) {
            heldTruePeak[c] = truePeak;
        }
    }

    void endSubBlock() {
        for (int c = 0; c < channels; c++) {
            peaks[c].push(subPeak[c]);
        }
        Arrays.fill(subPeak, 0);
    }

    /** A snapshot per channel; true peaks NaN when {@code truePeak} is off. Allocates the list and its records. */
    List<ChannelLevel> reading(boolean truePeak) {
        ChannelLevel[] levels = new ChannelLevel[channels];
        for (int c = 0; c < channels; c++) {
            levels[c] = new ChannelLevel(
                    Levels.amplitudeToDb(Math.max(subPeak[c], peaks[c].max(recentBlocks))),
                    Levels.amplitudeToDb(heldPeak[c]),
                    truePeak ? Levels.amplitudeToDb(Math.max(heldPeak[c], heldTruePeak[c])) : Double.NaN);
        }
        return List.of(levels);
    }
}
