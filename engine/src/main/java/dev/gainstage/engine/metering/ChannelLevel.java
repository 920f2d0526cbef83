package dev.gainstage.engine.metering;

/**
 * The peaks of one channel of a tap (see {@link StageMeter#channelLevels()}): sample peak and true peak over the
 * recent window, and both held since the meter's reset. NaN means nothing measurable (silence), never -Infinity.
 */
public record ChannelLevel(double samplePeakDbfs, double truePeakDbtp, double peakHoldDbfs, double truePeakHoldDbtp) {}
