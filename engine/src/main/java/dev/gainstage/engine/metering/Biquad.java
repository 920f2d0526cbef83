package dev.gainstage.engine.metering;

/** Coefficients of one second-order IIR section with a0 normalised to 1. */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {
    /** |H(e^jw)| at frequency {@code hz} for {@code sampleRate}; used to check the derived filters. */
    public double magnitudeAt(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w);
        double s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = -Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = b1 * s1 + b2 * s2;
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = a1 * s1 + a2 * s2;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
