package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * Noise floor estimate: the 10th percentile of short-frame RMS levels, ignoring frames of digital
 * silence (all samples exactly zero) so that gaps and pre-roll don't drag it to -infinity. Kept as a
 * 0.1 dB histogram from -140 to +40 dBFS so it is bounded and allocation-free.
 */
final class NoiseFloorEstimator {
    static final double PERCENTILE = 0.10;
    static final double LOWEST_DB = -140;
    static final double BIN_DB = 0.1;
    static final int BINS = 1800;

    private final int[] counts = new int[BINS];
    private long frames;

    /** Adds one frame given as its mean square across channels. */
    void add(double meanSquare) {
        if (!(meanSquare > 0) || Double.isInfinite(meanSquare)) {
            return;
        }
        int bin = (int) ((10 * Math.log10(meanSquare) - LOWEST_DB) / BIN_DB);
        counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        frames++;
    }

    double estimateDbfs() {
        if (frames == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.floor((frames - 1) * PERCENTILE);
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts[i];
            if (seen > rank) {
                return LOWEST_DB + (i + 0.5) * BIN_DB;
            }
        }
        throw new IllegalStateException("histogram holds fewer frames than counted");
    }

    void reset() {
        Arrays.fill(counts, 0);
        frames = 0;
    }
}
