package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.metering.MeterReading;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies a stage for the overview from its output reading and the warnings raised on it. A track's source level
 * is judged as it leaves the trim (the trim is where it is fixed), so the source's level warnings colour the trim's
 * cell as well as the source's: one judgement, one colour, and the checklist item says the same.
 */
public final class StagingStates {
    private static final Set<Rule> SOURCE_LEVEL = EnumSet.of(Rule.SOURCE_TOO_HOT, Rule.SOURCE_TOO_QUIET);

    private StagingStates() {}

    public static StagingState classify(Strip strip, Stage stage, MeterReading output, List<Warning> active) {
        String stageId = stage.id();
        String source = stage.kind() == StageKind.TRIM
                ? strip.firstOfKind(StageKind.SOURCE).map(Stage::id).orElse("")
                : "";
        if (!TapReadings.hasSignal(output)) {
            return StagingState.NO_SIGNAL;
        }
        if (output.samplePeakDbfs() > 0.0) {
            return StagingState.CLIPPING; // over full scale: clips the moment it reaches a fixed-point stage
        }
        StagingState worst = StagingState.IN_RANGE;
        for (Warning w : active) {
            boolean here =
                    w.stageId().equals(stageId) || (w.stageId().equals(source) && SOURCE_LEVEL.contains(w.rule()));
            if (!here || w.acknowledged()) {
                continue; // an acknowledged warning was accepted as it is: the cell shows it as such, not amber
            }
            StagingState s = switch (w.rule()) {
                case SOURCE_TOO_QUIET, SOURCE_NOISY -> StagingState.QUIET;
                case SOURCE_CLIPPING, PLUGIN_OUTPUT_HOT, BUS_OVERLOAD, MASTER_OVER_0DBFS -> StagingState.CLIPPING;
                default -> StagingState.HOT;
            };
            if (s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
