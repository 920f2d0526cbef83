package dev.gainstage.engine.metering;

/**
 * How a {@link StageMeter} reports.
 *
 * @param aes17Rms            report RMS with the AES17 convention (+3.01 dB, so a sine reads its peak level)
 * @param recentWindowSeconds length of the "recent" window for peaks and correlation (3 s by default)
 * @param clipLevel           linear level at or above which a sample counts as clipped (1.0 = 0 dBFS)
 */
public record MeterOptions(boolean aes17Rms, double recentWindowSeconds, double clipLevel) {
    public MeterOptions {
        if (!(recentWindowSeconds >= 0.1 && recentWindowSeconds <= 60)) {
            throw new IllegalArgumentException(
                    "recentWindowSeconds must be within 0.1..60, got " + recentWindowSeconds);
        }
        if (!(clipLevel > 0 && Double.isFinite(clipLevel))) {
            throw new IllegalArgumentException("clipLevel must be a positive finite level, got " + clipLevel);
        }
    }

    public static MeterOptions defaults() {
        return new MeterOptions(false, 3.0, 1.0);
    }
}
