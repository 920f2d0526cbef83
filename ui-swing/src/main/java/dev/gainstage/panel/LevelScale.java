package dev.gainstage.panel;

import java.awt.Color;

/** Maps dBFS to a bar length and a colour: the same scale everywhere in the panel. */
public final class LevelScale {
    public static final double FLOOR_DB = -60.0;
    public static final double CEILING_DB = 6.0;

    private LevelScale() {}

    /** 0..1 along the bar; NaN (no signal) is 0. */
    public static double fraction(double db) {
        if (Double.isNaN(db)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / (CEILING_DB - FLOOR_DB)));
    }

    /** Green in range, amber from -6 dBFS, red above 0 dBFS, grey without signal. */
    public static Color colorOf(double db) {
        if (Double.isNaN(db)) {
            return StagingColors.NO_SIGNAL;
        }
        if (db > 0) {
            return StagingColors.CLIPPING;
        }
        return db > -6 ? StagingColors.HOT : StagingColors.IN_RANGE;
    }
}
