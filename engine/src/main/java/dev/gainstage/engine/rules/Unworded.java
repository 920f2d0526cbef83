package dev.gainstage.engine.rules;

/**
 * An observation and the stage it was made on, its message, suggestion and evidence still to be written. The words
 * read only what the rule computed and what of the context does not change (the stage, the thresholds, which windows
 * there are), so they are the same whenever they are written.
 *
 * @param observation the figures, with no words
 */
record Unworded(Observation observation, StageContext context, Wording wording) implements Observed {
    @Override
    public Observation worded() {
        Wording.Words words = wording.write();
        return observation.withWords(words.message(), words.suggestion(), RuleWording.evidence(observation, context));
    }
}
