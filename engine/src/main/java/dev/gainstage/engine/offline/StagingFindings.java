package dev.gainstage.engine.offline;

import dev.gainstage.engine.metering.MeterReading;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline subset of the DESIGN.md staging rules, with their default thresholds: stems are
 * judged as sources (peaks around -12 to -6 dBFS, trimmed towards -9 dBFS), the sum as the master
 * (never above 0 dBFS, pre-mastering headroom -6..-3 dBFS).
 */
public final class StagingFindings {
    static final double SOURCE_HOT_DBFS = -6;
    static final double SOURCE_QUIET_DBFS = -18;
    static final double SOURCE_TARGET_DBFS = -9;
    static final double CLIPPING_DBFS = -0.1;
    static final double QUIET_MIN_SIGNAL_SECONDS = 3;
    static final double NOISE_FLOOR_MARGIN_DB = 40;
    static final double MASTER_MAX_DBFS = 0;
    static final double MASTER_HEADROOM_DBFS = -3;
    static final double MASTER_TARGET_DBFS = -6;

    private StagingFindings() {
    }

    public static List<Finding> forSource(String track, MeterReading r) {
        List<Finding> found = new ArrayList<>();
        double peak = r.maxSamplePeakDbfs();
        if (!MeterReading.has(peak)) {
            return found; // silence: nothing to stage
        }
        double trim = round(SOURCE_TARGET_DBFS - peak);
        if (peak >= CLIPPING_DBFS || r.clippedRuns() > 0) {
            found.add(new Finding("SOURCE_CLIPPING", track, peak, CLIPPING_DBFS, Double.NaN,
                    "re-record or trim; clipping is baked in (" + r.clippedRuns() + " clipped runs, "
                            + r.clippedSamples() + " samples)"));
        }
        if (peak > SOURCE_HOT_DBFS) {
            found.add(new Finding("SOURCE_TOO_HOT", track, peak, SOURCE_HOT_DBFS, trim,
                    "trim by " + signed(trim) + " dB to peak near " + (int) SOURCE_TARGET_DBFS + " dBFS"));
        } else if (peak < SOURCE_QUIET_DBFS && r.signalSeconds() >= QUIET_MIN_SIGNAL_SECONDS) {
            found.add(new Finding("SOURCE_TOO_QUIET", track, peak, SOURCE_QUIET_DBFS, trim,
                    "raise trim by " + signed(trim) + " dB"));
        } else if (MeterReading.has(r.noiseFloorDbfs()) && peak - r.noiseFloorDbfs() < NOISE_FLOOR_MARGIN_DB
                && r.signalSeconds() >= QUIET_MIN_SIGNAL_SECONDS && trim > 0) {
            found.add(new Finding("SOURCE_TOO_QUIET", track, peak, r.noiseFloorDbfs() + NOISE_FLOOR_MARGIN_DB, trim,
                    "noise floor " + Table.fixed(r.noiseFloorDbfs(), 1) + " dBFS is within "
                            + (int) NOISE_FLOOR_MARGIN_DB + " dB of the peak; raise trim by " + signed(trim) + " dB"));
        }
        return found;
    }

    /** The master rules use the true peak, the level a converter or codec will actually see. */
    public static List<Finding> forSum(String track, MeterReading r) {
        List<Finding> found = new ArrayList<>();
        double peak = Math.max(orLowest(r.maxSamplePeakDbfs()), orLowest(r.maxTruePeakDbtp()));
        if (peak == Double.NEGATIVE_INFINITY) {
            return found;
        }
        double lower = round(MASTER_TARGET_DBFS - peak);
        if (peak > MASTER_MAX_DBFS) {
            found.add(new Finding("MASTER_OVER_0DBFS", track, peak, MASTER_MAX_DBFS, lower,
                    "lower the strips feeding the master by " + Table.fixed(-lower, 1) + " dB (to peak near "
                            + (int) MASTER_TARGET_DBFS + " dBFS)"));
        } else if (peak > MASTER_HEADROOM_DBFS) {
            found.add(new Finding("MASTER_LOW_HEADROOM", track, peak, MASTER_HEADROOM_DBFS, lower,
                    "lower the mix by " + Table.fixed(-lower, 1) + " dB to leave -6..-3 dB of headroom for mastering"));
        }
        return found;
    }

    private static double orLowest(double db) {
        return MeterReading.has(db) ? db : Double.NEGATIVE_INFINITY;
    }

    private static double round(double db) {
        return Math.round(db * 10) / 10.0;
    }

    private static String signed(double db) {
        return (db > 0 ? "+" : "") + Table.fixed(db, 1);
    }
}
