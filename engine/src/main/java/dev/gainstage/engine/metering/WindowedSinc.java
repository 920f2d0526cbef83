package dev.gainstage.engine.metering;

/**
 * The pieces of a Kaiser-windowed sinc filter, for the interpolators that reconstruct audio between its samples
 * (the true-peak meter's oversampling, the file tools' sample-rate conversion).
 */
public final class WindowedSinc {
    private WindowedSinc() {}

    /** The normalised sinc, sin(pi x) / (pi x). */
    public static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The modified Bessel function of order 0, by its series (converges fast for a window's arguments). */
    public static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
