package dev.gainstage.adapter.sim.dsp;

/**
 * One second-order section for one channel, designed with the formulas of R. Bristow-Johnson's
 * "Audio EQ Cookbook", run in transposed direct form II with double state (stable and quiet at
 * low frequencies, where float state would add noise).
 */
public final class Biquad {
    private double b0 = 1, b1, b2, a1, a2;
    private double z1, z2;

    public double tick(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }

    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    public Biquad peak(double sampleRate, double hz, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(sampleRate, hz);
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        return set(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    public Biquad lowShelf(double sampleRate, double hz, double q, double gainDb) {
        return shelf(sampleRate, hz, q, gainDb, 1);
    }

    public Biquad highShelf(double sampleRate, double hz, double q, double gainDb) {
        return shelf(sampleRate, hz, q, gainDb, -1);
    }

    /** The cookbook's two shelves differ only in the sign of the cosine terms: {@code s} = +1 low, −1 high. */
    private Biquad shelf(double sampleRate, double hz, double q, double gainDb, double s) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(sampleRate, hz);
        double cos = s * Math.cos(w);
        double beta = 2 * Math.sqrt(a) * Math.sin(w) / (2 * q);
        return set(
                a * ((a + 1) - (a - 1) * cos + beta),
                2 * s * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - beta),
                (a + 1) + (a - 1) * cos + beta,
                -2 * s * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - beta);
    }

    public Biquad highPass(double sampleRate, double hz, double q) {
        double w = omega(sampleRate, hz);
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public Biquad lowPass(double sampleRate, double hz, double q) {
        double w = omega(sampleRate, hz);
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Band-pass with 0 dB gain at the centre: formant filters of the vocal synth. */
    public Biquad bandPass(double sampleRate, double hz, double q) {
        double w = omega(sampleRate, hz);
        double alpha = Math.sin(w) / (2 * q);
        return set(alpha, 0, -alpha, 1 + alpha, -2 * Math.cos(w), 1 - alpha);
    }

    private static double omega(double sampleRate, double hz) {
        return 2 * Math.PI * hz / sampleRate;
    }

    private Biquad set(double nb0, double nb1, double nb2, double na0, double na1, double na2) {
        b0 = nb0 / na0;
        b1 = nb1 / na0;
        b2 = nb2 / na0;
        a1 = na1 / na0;
        a2 = na2 / na0;
        return this;
    }
}
