package dev.gainstage.engine.session;

/** What the session asks of the adapter for a level-matched A/B; see {@link Comparisons}. */
public sealed interface CompareStep {
    String stageId();

    /**
     * Remember the plugin and its match stage as they are, then play {@code side}.
     *
     * @param matchDb the plugin's measured loudness change, output minus input
     */
    record Start(String stageId, CompareSide side, double matchDb) implements CompareStep {}

    record Switch(String stageId, CompareSide side) implements CompareStep {}

    /** Put the plugin and its match stage back exactly as they were at the start. */
    record End(String stageId) implements CompareStep {}
}
