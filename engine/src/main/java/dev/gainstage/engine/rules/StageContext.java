package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;

/**
 * What a {@link StagingRule} sees of one stage: the graph around it, the readings, and the session's
 * thresholds and windows.
 *
 * @param index   the stage's position in its strip's chain
 * @param muted   the user marked the stage or its strip intentional saturation
 * @param deltas  plugins' in-versus-out loudness over a window; null to judge on the latest
 *                short-term pair alone
 * @param peaks   stages' output peaks over a longer window; null to judge on the meter's 3 s peak
 */
public record StageContext(
        SessionGraph graph,
        Strip strip,
        int index,
        TapReadings readings,
        boolean muted,
        LoudnessDeltas deltas,
        RecentPeaks peaks,
        RuleConfig config) {
    public Stage stage() {
        return strip.stages().get(index);
    }

    /** The reading of a stage's input or output, null when it has not been measured. */
    public MeterReading reading(Stage stage, TapPoint point) {
        return readings.get(new TapKey(stage.id(), point));
    }

    public MeterReading input() {
        return reading(stage(), TapPoint.INPUT);
    }

    public MeterReading output() {
        return reading(stage(), TapPoint.OUTPUT);
    }

    /** An active plugin: the only plugins the rules judge (a bypassed one passes the level as it found it). */
    public boolean isActivePlugin() {
        return stage().kind() == StageKind.PLUGIN && stage().active();
    }

    /** The stage that sums the strip's inputs: the output of a bus or of the master. */
    public boolean isOutputOf(StripKind kind) {
        return stage().kind() == StageKind.OUTPUT && strip.kind() == kind;
    }

    /** The nearest stage before this one whose gain the user can set (an active plugin or the trim), or null. */
    public Stage upstreamGainStage() {
        for (int i = index - 1; i >= 0; i--) {
            Stage s = strip.stages().get(i);
            if (s.kind() == StageKind.TRIM || (s.kind() == StageKind.PLUGIN && s.active())) {
                return s;
            }
        }
        return null;
    }
}
