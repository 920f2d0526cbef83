package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline subset of the staging rules (docs/rules.md), with the live rules' default thresholds and
 * their noise-floor test: stems are
 * judged as sources (peaks around -12 to -6 dBFS, trimmed towards -9 dBFS), the sum as the master
 * (never above 0 dBFS, pre-mastering headroom -6..-3 dBFS).
 */
public final class StagingFindings {
    /** The live rules' defaults: one set of numbers for the sidecar and for files. */
    static final RuleConfig RULES = RuleConfig.defaults();
    /** Where a master fix aims: the middle of the pre-mastering headroom, as the live rule does. */
    static final double MASTER_TARGET_DBFS = RULES.masterHeadroomPeakDbfs() - 3;

    private StagingFindings() {}

    public static List<Finding> forSource(String track, MeterReading r) {
        List<Finding> found = new ArrayList<>();
        double peak = r.maxSamplePeakDbfs();
        if (!MeterReading.has(peak)) {
            return found; // silence: nothing to stage
        }
        double trim = round(RULES.sourceTargetPeakDbfs() - peak);
        boolean enoughSignal = r.signalSeconds() >= RULES.quietMinSignalSeconds();
        if (peak >= RULES.sourceClipPeakDbfs() || r.clippedRuns() > 0) {
            found.add(new Finding(
                    "SOURCE_CLIPPING",
                    track,
                    peak,
                    RULES.sourceClipPeakDbfs(),
                    Double.NaN,
                    "re-record or trim; clipping is baked in (" + r.clippedRuns() + " clipped runs, "
                            + r.clippedSamples() + " samples)"));
        }
        if (peak > RULES.sourceHotPeakDbfs()) {
            found.add(new Finding(
                    "SOURCE_TOO_HOT",
                    track,
                    peak,
                    RULES.sourceHotPeakDbfs(),
                    trim,
                    "trim by " + signed(trim) + " dB to peak near " + Table.fixed(RULES.sourceTargetPeakDbfs(), 0)
                            + " dBFS"));
        } else if (peak < RULES.sourceQuietPeakDbfs() && enoughSignal) {
            found.add(new Finding(
                    "SOURCE_TOO_QUIET",
                    track,
                    peak,
                    RULES.sourceQuietPeakDbfs(),
                    trim,
                    "raise trim by " + signed(trim) + " dB"));
        } else if (enoughSignal && trim > 0 && StagingRules.closeToNoiseFloor(r, RULES.noiseFloorMarginDb())) {
            double margin = RULES.noiseFloorMarginDb();
            found.add(new Finding(
                    "SOURCE_TOO_QUIET",
                    track,
                    peak,
                    r.noiseFloorDbfs() + margin,
                    trim,
                    "noise floor " + Table.fixed(r.noiseFloorDbfs(), 1) + " dBFS is within " + Table.fixed(margin, 0)
                            + " dB of the peak; raise trim by " + signed(trim) + " dB"));
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
        if (peak > RULES.masterPeakDbfs()) {
            found.add(new Finding(
                    "MASTER_OVER_0DBFS",
                    track,
                    peak,
                    RULES.masterPeakDbfs(),
                    lower,
                    "lower the strips feeding the master by " + Table.fixed(-lower, 1) + " dB (to peak near "
                            + Table.fixed(MASTER_TARGET_DBFS, 0) + " dBFS)"));
        } else if (peak > RULES.masterHeadroomPeakDbfs()) {
            found.add(new Finding(
                    "MASTER_LOW_HEADROOM",
                    track,
                    peak,
                    RULES.masterHeadroomPeakDbfs(),
                    lower,
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
