package dev.gainstage.engine.session;

/** What became of a fix request. */
public record FixOutcome(boolean applied, String message) {
    public static FixOutcome refused(String why) {
        return new FixOutcome(false, why);
    }
}
