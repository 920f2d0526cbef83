package dev.gainstage.engine.session;

/**
 * A level-matched A/B running in a session, immutable.
 *
 * @param matchDb      the plugin's measured loudness change (output minus input) the sides are matched by
 * @param matchStageId where the adapter puts the matching gain: the plugin's own id when it has an output
 *                     control (then side A is the plugin with its output lowered by {@code matchDb}), else a gain
 *                     stage after it (then side B is the bypass with that stage raised by {@code matchDb})
 */
public record Comparison(
        String stageId, String stageName, String stripName, CompareSide side, double matchDb, String matchStageId) {
    public boolean matchOnPlugin() {
        return matchStageId.equals(stageId);
    }

    Comparison on(CompareSide newSide) {
        return new Comparison(stageId, stageName, stripName, newSide, matchDb, matchStageId);
    }
}
