package dev.gainstage.files;

import java.util.Arrays;

/** Levels over time for a report chart: one point per interval, short-term loudness and sample peak. */
public final class LevelSeries {
    private final double intervalSeconds;
    private double[] shortTermLufs = new double[64];
    private double[] peakDbfs = new double[64];
    private int size;

    public LevelSeries(double intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    void add(double shortTerm, double peak) {
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
