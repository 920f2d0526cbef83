package dev.gainstage.engine.session;

/**
 * One gain an applied fix changed, kept to undo it: undoing sets the stage back to {@code beforeDb}, an absolute
 * value, so the undo lands exactly where the gain was even if the fix was clamped to the gain's range.
 *
 * @param stageName what the user calls the stage ("Vox ▸ Trim")
 * @param beforeDb  the gain before the fix, NaN when neither the adapter nor the graph said (undone by
 *                  {@code -changeDb} then)
 * @param afterDb   the gain the fix set, NaN when not known
 * @param changeDb  the change made: {@code afterDb - beforeDb} when both are known, else the change asked for
 */
public record GainChange(String stageId, String stageName, double beforeDb, double afterDb, double changeDb) {
    public boolean knowsBefore() {
        return Double.isFinite(beforeDb);
    }
}
