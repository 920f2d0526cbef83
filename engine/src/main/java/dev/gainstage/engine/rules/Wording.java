package dev.gainstage.engine.rules;

/**
 * A rule's words for one observation, written when asked: a lambda over the figures the rule computed (immutable
 * values), so the words are the same whenever they are written.
 */
@FunctionalInterface
interface Wording {
    /** What the rule says of the stage and what to do about it. */
    record Words(String message, String suggestion) {}

    Words write();
}
