package dev.gainstage.engine.metering;

/**
 * What one pass over one channel's segment measured. Mutable and reused so the per-sample loop can
 * hand back several sums without allocating.
 */
public final class SegmentStats {
    /** Largest |x|. */
    double peak;
    /** Sum of x (for the DC offset). */
    double sum;
    /** Sum of x squared (RMS, correlation). */
    double squares;
    /** Sum of the K-weighted signal squared (loudness). */
    double weightedSquares;
    /** Sum of x times the sample of the channel it was filtered with (correlation). */
    double products;

    void set(double peak, double sum, double squares, double weightedSquares, double products) {
        this.peak = peak;
        this.sum = sum;
        this.squares = squares;
        this.weightedSquares = weightedSquares;
        this.products = products;
    }

    public double peak() {
        return peak;
    }

    public double sum() {
        return sum;
    }

    public double squares() {
        return squares;
    }

    public double weightedSquares() {
        return weightedSquares;
    }

    public double products() {
        return products;
    }
}
