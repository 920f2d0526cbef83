package dev.gainstage.engine.metering;

/**
 * The peaks of one channel of a tap (see {@link StageMeter#channelLevels()}): the sample peak over the recent window,
 * and the sample and true peak held since the meter's reset. NaN means nothing measurable (silence), never -Infinity.
 */
public record ChannelLevel(double samplePeakDbfs, double peakHoldDbfs, double truePeakHoldDbtp) {}
