package dev.gainstage.engine.rules;

import java.util.OptionalDouble;

/** A staging warning as the panel shows it, immutable; times are session audio seconds. */
public record Warning(String id, Rule rule, WarningState state, String stripId, String stripName,
                      String stageId, String stageName, double measured, double threshold, String unit,
                      String message, String suggestion, String fixStageId, OptionalDouble fixChangeDb,
                      double firstSeenSeconds, double lastSeenSeconds, double peakMeasured,
                      String rootCauseId, boolean acknowledged, String ackReason) {

    public Severity severity() {
        return rule.severity();
    }

    public boolean fixable() {
        return !fixStageId.isEmpty() && fixChangeDb.isPresent();
    }

    public Warning withState(WarningState newState) {
        return new Warning(id, rule, newState, stripId, stripName, stageId, stageName, measured, threshold, unit,
                message, suggestion, fixStageId, fixChangeDb, firstSeenSeconds, lastSeenSeconds, peakMeasured,
                rootCauseId, acknowledged, ackReason);
    }

    public Warning withRootCause(String newRootCauseId) {
        return new Warning(id, rule, state, stripId, stripName, stageId, stageName, measured, threshold, unit,
                message, suggestion, fixStageId, fixChangeDb, firstSeenSeconds, lastSeenSeconds, peakMeasured,
                newRootCauseId, acknowledged, ackReason);
    }

    public Warning withAcknowledgement(boolean ack, String reason) {
        return new Warning(id, rule, state, stripId, stripName, stageId, stageName, measured, threshold, unit,
                message, suggestion, fixStageId, fixChangeDb, firstSeenSeconds, lastSeenSeconds, peakMeasured,
                rootCauseId, ack, reason == null ? "" : reason);
    }
}
