package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * Counts clipped samples per channel. A single sample at full scale is legitimate (a normalised
 * peak); clipping shows as runs of consecutive samples at or above the clip level, so only runs of
 * at least {@value #MIN_RUN} samples count. Runs are tracked across block boundaries.
 */
final class ClipCounter {
    static final int MIN_RUN = 2;

    private final int[] run;
    private long samples;
    private long runs;

    ClipCounter(int channels) {
        run = new int[channels];
    }

    /**
     * Scans one channel's samples, {@code stride} apart from {@code first}; {@code peak} is their
     * largest |x|, which lets the common case (nothing near the clip level) skip the scan.
     */
    void scan(int channel, float[] x, int first, int stride, int n, double peak, double level) {
        if (!(peak >= level)) {
            run[channel] = 0;
            return;
        }
        int r = run[channel];
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[first + i * stride]) >= level) {
                r++;
                if (r == MIN_RUN) {
                    samples += MIN_RUN;
                    runs++;
                } else if (r > MIN_RUN) {
                    samples++;
                }
            } else {
                r = 0;
            }
        }
        run[channel] = r;
    }

    long samples() {
        return samples;
    }

    long runs() {
        return runs;
    }

    void reset() {
        Arrays.fill(run, 0);
        samples = 0;
        runs = 0;
    }
}
