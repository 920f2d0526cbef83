package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.MeterReading;

/** The latest meter reading of each tap, as the rules see them. */
@FunctionalInterface
public interface TapReadings {
    /** The reading of a tap, or null when it has not been measured. */
    MeterReading get(TapKey key);

    /** Below this, a tap is treated as silent: no rule judges a stage from silence. */
    double SIGNAL_FLOOR_DBFS = -80.0;

    static boolean hasSignal(MeterReading r) {
        return r != null && MeterReading.has(r.samplePeakDbfs()) && r.samplePeakDbfs() > SIGNAL_FLOOR_DBFS;
    }
}
