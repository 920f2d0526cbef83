package dev.gainstage.engine.history;

/**
 * A level in dB as a short of hundredths of a dB: 2 bytes a figure, 0.01 dB resolution, ±300 dB range
 * (levels beyond it are stored at its ends). {@link #NONE} stands for "nothing measured" (NaN).
 */
final class CentiDb {
    static final short NONE = Short.MIN_VALUE;
    private static final double LIMIT_DB = 300;

    private CentiDb() {}

    static short encode(double db) {
        if (Double.isNaN(db)) {
            return NONE;
        }
        double clamped = Math.max(-LIMIT_DB, Math.min(LIMIT_DB, db));
        return (short) Math.round(clamped * 100);
    }

    static float decode(short centi) {
        return centi == NONE ? Float.NaN : centi / 100f;
    }
}
