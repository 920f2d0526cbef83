package dev.gainstage.engine.metering;

/** Linear-to-dB conversions that answer NaN, never -Infinity, for "nothing measurable". */
public final class Levels {
    /** BS.1770 loudness offset: a 0 dBFS 997 Hz sine in one front channel reads -3.01 LKFS. */
    public static final double LOUDNESS_OFFSET = -0.691;
    /** 10*log10(2): RMS of a sine is 3.01 dB below its peak; AES17 adds it back. */
    public static final double AES17_OFFSET_DB = 3.010299956639812;

    private Levels() {}

    /** 20*log10(amplitude), NaN for zero or negative. */
    public static double amplitudeToDb(double amplitude) {
        return amplitude > 0 ? 20 * Math.log10(amplitude) : Double.NaN;
    }

    /** 10*log10(mean square), NaN for zero or negative. */
    public static double powerToDb(double meanSquare) {
        return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NaN;
    }

    /** BS.1770 loudness of a channel-weighted mean square of the K-weighted signal. */
    public static double energyToLufs(double energy) {
        return energy > 0 ? LOUDNESS_OFFSET + 10 * Math.log10(energy) : Double.NaN;
    }

    /** Inverse of {@link #energyToLufs}. */
    public static double lufsToEnergy(double lufs) {
        return Math.pow(10, (lufs - LOUDNESS_OFFSET) / 10);
    }
}
