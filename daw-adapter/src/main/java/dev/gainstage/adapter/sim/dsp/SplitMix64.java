package dev.gainstage.adapter.sim.dsp;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified generator, so a seed renders the
 * same pattern on every JVM and release.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1): white noise. */
    double nextSigned() {
        return 2 * nextDouble() - 1;
    }

    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }
}
