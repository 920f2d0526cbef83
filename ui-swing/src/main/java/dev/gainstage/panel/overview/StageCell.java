package dev.gainstage.panel.overview;

import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import java.util.Locale;

/**
 * One cell of the overview: a stage's levels in and out, as the bar meter draws them. Peaks are
 * dBFS, {@code Double.NaN} where nothing was measured.
 */
public record StageCell(
        String stageId,
        String name,
        StageKind kind,
        boolean active,
        double inPeak,
        double outPeak,
        double outHold,
        double outLoudness,
        double gainDelta,
        StagingState state,
        boolean intentional,
        long droppedBlocks) {

    public static StageCell of(StageView s) {
        return new StageCell(
                s.getStageId(),
                s.getName(),
                s.getKind(),
                s.getActive(),
                peak(s.hasInput() ? s.getInput() : null),
                peak(s.hasOutput() ? s.getOutput() : null),
                s.hasOutput() && s.getOutput().hasPeakHoldDbfs() ? s.getOutput().getPeakHoldDbfs() : Double.NaN,
                s.hasOutput() && s.getOutput().hasShortTermLufs()
                        ? s.getOutput().getShortTermLufs()
                        : Double.NaN,
                s.hasGainDeltaDb() ? s.getGainDeltaDb() : Double.NaN,
                s.getState(),
                s.getIntentional(),
                s.getDroppedBlocks());
    }

    private static double peak(Levels l) {
        return l != null && l.hasSamplePeakDbfs() ? l.getSamplePeakDbfs() : Double.NaN;
    }

    public boolean problem() {
        return state == StagingState.STAGING_STATE_HOT
                || state == StagingState.STAGING_STATE_CLIPPING
                || state == StagingState.STAGING_STATE_QUIET;
    }

    /** The numbers behind the bar, for the tooltip. */
    public String detail() {
        StringBuilder sb = new StringBuilder(name);
        if (!active) {
            sb.append(" (bypassed)");
        }
        if (kind != StageKind.STAGE_KIND_SOURCE) {
            sb.append(String.format(Locale.ROOT, "  in %s", db(inPeak, "dBFS")));
        }
        sb.append(String.format(Locale.ROOT, "  out %s", db(outPeak, "dBFS")));
        if (!Double.isNaN(outHold)) {
            sb.append(String.format(Locale.ROOT, "  hold %s", db(outHold, "dBFS")));
        }
        if (!Double.isNaN(outLoudness)) {
            sb.append(String.format(Locale.ROOT, "  %s", db(outLoudness, "LUFS-S")));
        }
        if (!Double.isNaN(gainDelta)) {
            sb.append(String.format(Locale.ROOT, "  in\u2192out %+.1f dB", gainDelta));
        }
        if (intentional) {
            sb.append("  (intentional saturation)");
        }
        if (droppedBlocks > 0) {
            sb.append("  metering gap: ").append(droppedBlocks).append(" blocks dropped");
        }
        return sb.toString();
    }

    static String db(double v, String unit) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %s", v, unit);
    }
}
