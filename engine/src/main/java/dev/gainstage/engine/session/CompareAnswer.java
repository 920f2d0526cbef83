package dev.gainstage.engine.session;

/**
 * The adapter's answer to a {@link CompareStep}.
 *
 * @param matchStageId for a start: where the matching gain goes (the plugin's own id: its output control)
 */
public record CompareAnswer(boolean applied, String message, String matchStageId) {
    public CompareAnswer {
        message = message == null ? "" : message;
        matchStageId = matchStageId == null ? "" : matchStageId;
    }

    public static CompareAnswer refused(String why) {
        return new CompareAnswer(false, why, "");
    }
}
