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
 * @param input   the reading of the stage's input, null when it has not been measured
 * @param output  the reading of the stage's output, null when it has not been measured
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
        MeterReading input,
        MeterReading output,
        boolean muted,
        LoudnessDeltas deltas,
        RecentPeaks peaks,
        RuleConfig config) {
    public Stage stage() {
        return strip.stages().get(index);
    }

    /**
     * The context of {@code strip}'s stage at {@code index}: its own readings are looked up once, here, however many
     * rules ask for them (every rule asks of every stage at every tick).
     */
    static StageContext of(
            SessionGraph graph,
            Strip strip,
            int index,
            TapReadings readings,
            boolean muted,
            LoudnessDeltas deltas,
            RecentPeaks peaks,
            RuleConfig config) {
        String id = strip.stages().get(index).id();
        return new StageContext(
                graph,
                strip,
                index,
                readings,
                readings.get(new TapKey(id, TapPoint.INPUT)),
                readings.get(new TapKey(id, TapPoint.OUTPUT)),
                muted,
                deltas,
                peaks,
                config);
    }

    /** The reading of a stage's input or output, null when it has not been measured. */
    public MeterReading reading(Stage stage, TapPoint point) {
        if (stage == stage()) {
            return point == TapPoint.INPUT ? input : output;
        }
        return readings.get(new TapKey(stage.id(), point));
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
