package dev.gainstage.adapter.sim;

/**
 * What {@link SimSessionRenderer#applyGainChange} did: applied or refused, and a sentence for the user.
 *
 * @param beforeDb when applied, the gain just before (NaN when refused)
 * @param afterDb  when applied, the gain set (NaN when refused)
 */
public record FixOutcome(boolean applied, String message, double beforeDb, double afterDb) {
    static FixOutcome refused(String message) {
        return new FixOutcome(false, message, Double.NaN, Double.NaN);
    }
}
