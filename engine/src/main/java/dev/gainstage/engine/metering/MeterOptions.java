package dev.gainstage.engine.metering;

public record MeterOptions(boolean aes17Rms, double recentWindowSeconds, double clipLevel) {
    public static MeterOptions defaults() {
        return new MeterOptions(false, 3.0, 1.0);
    }
}
