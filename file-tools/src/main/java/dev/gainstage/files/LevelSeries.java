package dev.gainstage.files;

import dev.gainstage.engine.metering.Levels;
import java.util.Arrays;

/**
 * Levels over time for a report chart: one point per interval, short-term loudness and sample peak. NaN is "not
 * measured" (a gap in the chart), −∞ is silence (drawn along the chart's floor).
 */
public final class LevelSeries {
    private final double intervalSeconds;
    private double[] shortTermLufs = new double[64];
    private double[] peakDbfs = new double[64];
    private int size;

    public LevelSeries(double intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    /** Short-term loudness needs this much audio before it means anything: before it, NaN is "not yet". */
    private static final double SHORT_TERM_SECONDS = 3;

    /**
     * A point of audio that was metered: {@code meteredSeconds} of it so far, whose interval peaked at
     * {@code peakAmplitude}. Digital silence, and short-term loudness gone below the meter's range once it has its
     * 3 s, are −∞.
     */
    void addMeasured(double shortTermLufs, float peakAmplitude, double meteredSeconds) {
        double shortTerm = Double.isNaN(shortTermLufs) && meteredSeconds >= SHORT_TERM_SECONDS
                ? Double.NEGATIVE_INFINITY
                : shortTermLufs;
        add(shortTerm, peakAmplitude > 0 ? Levels.amplitudeToDb(peakAmplitude) : Double.NEGATIVE_INFINITY);
    }

    /** A point with nothing to show (a stem that has ended). */
    void addGap() {
        add(Double.NaN, Double.NaN);
    }

    private void add(double shortTerm, double peak) {
        if (size == shortTermLufs.length) {
            shortTermLufs = Arrays.copyOf(shortTermLufs, size * 2);
            peakDbfs = Arrays.copyOf(peakDbfs, size * 2);
        }
        shortTermLufs[size] = shortTerm;
        peakDbfs[size] = peak;
        size++;
    }

    public int size() {
        return size;
    }

    public double intervalSeconds() {
        return intervalSeconds;
    }

    /** End time of point {@code i}. */
    public double seconds(int i) {
        return (i + 1) * intervalSeconds;
    }

    public double shortTermLufs(int i) {
        return shortTermLufs[i];
    }

    public double peakDbfs(int i) {
        return peakDbfs[i];
    }
}
