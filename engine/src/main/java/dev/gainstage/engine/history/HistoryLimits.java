package dev.gainstage.engine.history;

/**
 * How much history a session keeps. Levels: {@code maxPoints} seconds of session audio (one point a
 * second, for every stage); past that the oldest {@link LevelHistory#CHUNK_POINTS} are forgotten at
 * once. Warnings: {@code maxWarningSpans} spans; past that the oldest cleared one goes first.
 */
public record HistoryLimits(int maxPoints, int maxWarningSpans) {
    /** Four hours of levels, 4096 warning spans. */
    public static final HistoryLimits DEFAULT = new HistoryLimits(4 * 3600, 4096);

    public HistoryLimits {
        if (maxPoints < LevelHistory.CHUNK_POINTS) {
            throw new IllegalArgumentException(
                    "history points " + maxPoints + " below the minimum " + LevelHistory.CHUNK_POINTS);
        }
        if (maxWarningSpans < 1) {
            throw new IllegalArgumentException("history warning spans " + maxWarningSpans + " below 1");
        }
    }
}
