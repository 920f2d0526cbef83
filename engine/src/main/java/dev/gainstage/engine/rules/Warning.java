package dev.gainstage.engine.rules;

import java.util.List;

/**
 * A staging warning as the panel shows it, immutable; times are session audio seconds. While
 * {@code clearing}, its condition no longer holds (say, after a fix) and it clears once the
 * hysteresis time has passed; its fix is then already done.
 */
public record Warning(
        String id,
        Rule rule,
        WarningState state,
        String stripId,
        String stripName,
        String stageId,
        String stageName,
        double measured,
        double threshold,
        String unit,
        String message,
        String suggestion,
        List<FixStep> fix,
        double firstSeenSeconds,
        double lastSeenSeconds,
        double peakMeasured,
        String rootCauseId,
        boolean acknowledged,
        String ackReason,
        boolean clearing) {
    public Warning {
        fix = List.copyOf(fix);
    }

    public Severity severity() {
        return rule.severity();
    }

    public boolean fixable() {
        return !fix.isEmpty() && !clearing;
    }

    public Warning withState(WarningState newState) {
        return new Warning(
                id,
                rule,
                newState,
                stripId,
                stripName,
                stageId,
                stageName,
                measured,
                threshold,
                unit,
                message,
                suggestion,
                fix,
                firstSeenSeconds,
                lastSeenSeconds,
                peakMeasured,
                rootCauseId,
                acknowledged,
                ackReason,
                clearing);
    }

    /** The same warning offering another fix (with the suggestion that says it). */
    public Warning withFix(List<FixStep> newFix, String newSuggestion) {
        return new Warning(
                id,
                rule,
                state,
                stripId,
                stripName,
                stageId,
                stageName,
                measured,
                threshold,
                unit,
                message,
                newSuggestion,
                newFix,
                firstSeenSeconds,
                lastSeenSeconds,
                peakMeasured,
                rootCauseId,
                acknowledged,
                ackReason,
                clearing);
    }

    public Warning withRootCause(String newRootCauseId) {
        return new Warning(
                id,
                rule,
                state,
                stripId,
                stripName,
                stageId,
                stageName,
                measured,
                threshold,
                unit,
                message,
                suggestion,
                fix,
                firstSeenSeconds,
                lastSeenSeconds,
                peakMeasured,
                newRootCauseId,
                acknowledged,
                ackReason,
                clearing);
    }

    public Warning withAcknowledgement(boolean ack, String reason) {
        return new Warning(
                id,
                rule,
                state,
                stripId,
                stripName,
                stageId,
                stageName,
                measured,
                threshold,
                unit,
                message,
                suggestion,
                fix,
                firstSeenSeconds,
                lastSeenSeconds,
                peakMeasured,
                rootCauseId,
                ack,
                reason == null ? "" : reason,
                clearing);
    }
}
