package dev.gainstage.panel.overview;

import dev.gainstage.proto.v1.ChannelLevels;
import dev.gainstage.proto.v1.Levels;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel's bar of a multichannel tap: its peak (last 3 s), peak hold and true-peak hold, in dBFS / dBTP,
 * {@code Double.NaN} where nothing was measured. A stereo cell draws one per channel, L above R.
 */
public record ChannelBar(double peak, double hold, double truePeakHold) {
    /** The channels of a tap's levels; empty for a mono tap (its combined bar is its only one). */
    public static List<ChannelBar> of(Levels levels) {
        List<ChannelBar> bars = new ArrayList<>(levels.getChannelsCount());
        for (ChannelLevels c : levels.getChannelsList()) {
            bars.add(new ChannelBar(
                    c.hasSamplePeakDbfs() ? c.getSamplePeakDbfs() : Double.NaN,
                    c.hasPeakHoldDbfs() ? c.getPeakHoldDbfs() : Double.NaN,
                    c.hasTruePeakHoldDbtp() ? c.getTruePeakHoldDbtp() : Double.NaN));
        }
        return List.copyOf(bars);
    }

    /** A channel's short name: L and R for stereo, else its number from 1. */
    public static String name(int channel, int channels) {
        if (channels == 2) {
            return channel == 0 ? "L" : "R";
        }
        return Integer.toString(channel + 1);
    }

    /**
     * The height of each channel's bar when {@code channels} bars share a bar {@code barHeight} pixels high with a
     * pixel between them; 0 when they would be thinner than 2 px (the cell then draws the combined bar alone).
     */
    public static int rowHeight(int barHeight, int channels) {
        if (channels < 2) {
            return 0;
        }
        int h = (barHeight - (channels - 1)) / channels;
        return h >= 2 ? h : 0;
    }
}
