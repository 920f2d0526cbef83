package dev.gainstage.engine.history;

import dev.gainstage.engine.rules.Rule;

/**
 * A warning from raised to cleared, on the DAW's timeline (transport seconds): where it was raised,
 * where it was last updated, and where it cleared (NaN while active). A transport jump while it was
 * raised shows as a clear point before its raise point; the times are where each event was heard.
 */
public record WarningSpan(
        String warningId,
        Rule rule,
        String title,
        String stripName,
        String stageName,
        String stageId,
        String message,
        double raisedSeconds,
        double updatedSeconds,
        int updates,
        double clearedSeconds,
        double peakMeasured,
        String unit) {
    public boolean active() {
        return Double.isNaN(clearedSeconds);
    }

    /** Whether any of it lies in {@code [from, to]}. */
    public boolean overlaps(double from, double to) {
        double start = Math.min(raisedSeconds, active() ? updatedSeconds : clearedSeconds);
        double end = active() ? Double.POSITIVE_INFINITY : Math.max(raisedSeconds, clearedSeconds);
        return start <= to && end >= from;
    }
}
