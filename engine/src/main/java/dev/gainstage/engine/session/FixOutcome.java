package dev.gainstage.engine.session;

import java.util.OptionalDouble;

/**
 * What became of a fix request.
 *
 * @param beforeDb when applied and the adapter says: the stage's gain just before
 * @param afterDb  when applied and the adapter says: the gain it set
 */
public record FixOutcome(boolean applied, String message, OptionalDouble beforeDb, OptionalDouble afterDb) {
    public FixOutcome {
        beforeDb = beforeDb == null ? OptionalDouble.empty() : beforeDb;
        afterDb = afterDb == null ? OptionalDouble.empty() : afterDb;
    }

    public FixOutcome(boolean applied, String message) {
        this(applied, message, OptionalDouble.empty(), OptionalDouble.empty());
    }

    public static FixOutcome refused(String why) {
        return new FixOutcome(false, why);
    }
}
