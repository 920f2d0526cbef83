package dev.gainstage.engine.metering;

/**
 * What one pass over one channel's segment measured. Mutable and reused so the per-sample loop can
 * hand back several sums without allocating.
 */
final class SegmentStats {
    /** Largest |x|. */
    double peak;
    /** Sum of x (for the DC offset). */
    double sum;
    /** Sum of x squared (RMS, correlation). */
    double squares;
    /** Sum of the K-weighted signal squared (loudness). */
    double weightedSquares;
}
