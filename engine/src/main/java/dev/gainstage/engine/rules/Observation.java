package dev.gainstage.engine.rules;

import java.util.OptionalDouble;

/**
 * One rule measured on one stage at one moment, whether or not it is broken: the tracker needs
 * the value below threshold too, to clear a warning with hysteresis.
 *
 * @param breaks      whether the rule is broken now (may be more than measured vs threshold, e.g.
 *                    a clipped run or a noise floor too close)
 * @param fixStageId  the stage whose gain the suggested fix changes, "" when no one stage can fix it
 * @param fixChangeDb the suggested relative change for that stage
 */
public record Observation(Rule rule, String stripId, String stageId, double measured, double threshold,
                          Direction direction, String unit, boolean breaks, String message, String suggestion,
                          String fixStageId, OptionalDouble fixChangeDb) {

    public String warningId() {
        return WarningIds.of(rule, stageId);
    }
}
