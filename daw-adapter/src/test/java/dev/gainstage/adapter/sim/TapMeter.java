package dev.gainstage.adapter.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-side measurement of one tap: sample peak, RMS, and BS.1770 K-weighted loudness over
 * consecutive 3 s windows (short-term loudness, without overlap: enough to compare two taps).
 * The K-weighting coefficients are the standard's published 48 kHz ones.
 */
final class TapMeter {
    private static final double[] SHELF_B = {1.53512485958697, -2.69169618940638, 1.19839281085285};
    private static final double[] SHELF_A = {-1.69065929318241, 0.73248077421585};
    private static final double[] HIGH_PASS_B = {1.0, -2.0, 1.0};
    private static final double[] HIGH_PASS_A = {-1.99004745483398, 0.99007225036621};

    private final int windowFrames;
    private final double[][] state; // per channel: x1 x2 y1 y2 of each stage
    private double peak;
    private double sumSquares;
    private long samples;
    private double windowSum;
    private long windowFilled;
    private final List<Double> shortTermLufs = new ArrayList<>();

    TapMeter(int sampleRate, int channels) {
        if (sampleRate != 48_000) {
            throw new IllegalArgumentException("K-weighting coefficients here are for 48 kHz");
        }
        this.windowFrames = 3 * sampleRate;
        this.state = new double[channels][8];
    }

    void add(float[] interleaved, int channels, int frames) {
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double x = interleaved[f * channels + c];
                peak = Math.max(peak, Math.abs(x));
                sumSquares += x * x;
                samples++;
                double k = section(section(x, SHELF_B, SHELF_A, state[c], 0), HIGH_PASS_B, HIGH_PASS_A, state[c], 4);
                windowSum += k * k;
            }
            if (++windowFilled == windowFrames) {
                shortTermLufs.add(-0.691 + 10 * Math.log10(windowSum / windowFrames));
                windowSum = 0;
                windowFilled = 0;
            }
        }
    }

    private static double section(double x, double[] b, double[] a, double[] s, int o) {
        double y = b[0] * x + b[1] * s[o] + b[2] * s[o + 1] - a[0] * s[o + 2] - a[1] * s[o + 3];
        s[o + 1] = s[o];
        s[o] = x;
        s[o + 3] = s[o + 2];
        s[o + 2] = y;
        return y;
    }

    double peakDbfs() {
        return 20 * Math.log10(peak);
    }

    double rmsDbfs() {
        return 10 * Math.log10(sumSquares / samples);
    }

    /** Loudness of each complete 3 s window, in LUFS. */
    List<Double> shortTermLufs() {
        return shortTermLufs;
    }
}
