package dev.gainstage.engine.rules;

import dev.gainstage.engine.metering.MeterReading;
import java.util.List;

/** Classifies a stage for the overview from its output reading and the warnings raised on it. */
public final class StagingStates {
    private StagingStates() {}

    public static StagingState classify(String stageId, MeterReading output, List<Warning> active) {
        if (!TapReadings.hasSignal(output)) {
            return StagingState.NO_SIGNAL;
        }
        if (output.samplePeakDbfs() > 0.0) {
            return StagingState.CLIPPING; // over full scale: clips the moment it reaches a fixed-point stage
        }
        StagingState worst = StagingState.IN_RANGE;
        for (Warning w : active) {
            if (!w.stageId().equals(stageId)) {
                continue;
            }
            StagingState s = switch (w.rule()) {
                case SOURCE_TOO_QUIET -> StagingState.QUIET;
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
