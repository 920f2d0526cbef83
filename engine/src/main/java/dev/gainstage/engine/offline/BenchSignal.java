package dev.gainstage.engine.offline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the benchmark's programme-like test WAV when sox is not installed:
 * {@code BenchSignal FILE SECONDS [RATE]} gives 16-bit stereo with a level-varying tone and noise mix,
 * so every gate, window and the true-peak interpolator have work to do.
 */
public final class BenchSignal {
    private BenchSignal() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchSignal FILE SECONDS [RATE]");
            System.exit(2);
        }
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 48_000;
        long frames = Math.round(Double.parseDouble(args[1]) * rate);
        Random random = new Random(1);
        float[] block = new float[2 * 4800];
        try (WavWriter w = new WavWriter(Path.of(args[0]), rate, 2, 16, false)) {
            for (long f = 0; f < frames; ) {
                int n = (int) Math.min(4800, frames - f);
                for (int i = 0; i < n; i++, f++) {
                    double t = f / (double) rate;
                    double level = 0.01 + 0.12 * (1 + Math.sin(2 * Math.PI * t / 17)); // slow swell for LRA, peaks near -6 dBFS
                    double tone = Math.sin(2 * Math.PI * 997 * t) + 0.5 * Math.sin(2 * Math.PI * 6011 * t);
                    block[2 * i] = (float) (level * (0.6 * tone + 0.4 * random.nextGaussian()));
                    block[2 * i + 1] = (float) (level * (0.5 * tone + 0.4 * random.nextGaussian()));
                }
                w.write(block, n);
            }
        }
    }
}
