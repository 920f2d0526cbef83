package dev.gainstage.adapter.sim;

/** What {@link SimSessionRenderer#applyGainChange} did: applied or refused, and a sentence for the user. */
public record FixOutcome(boolean applied, String message) {
    static FixOutcome refused(String message) {
        return new FixOutcome(false, message);
    }
}
