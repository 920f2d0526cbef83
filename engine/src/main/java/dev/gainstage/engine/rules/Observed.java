package dev.gainstage.engine.rules;

/**
 * An observation as the {@link WarningTracker} takes it: its figures at once, its evidence only when it is needed. A
 * live session judges every stage at every tick, and most observations break nothing and become no warning, so
 * {@link StagingRules#judge} leaves their evidence (words, and figures written in them) unwritten until a warning is
 * built from them.
 */
public sealed interface Observed permits Observation, StagingRules.Unworded {
    /** The observation; its evidence may be empty, still to be written. */
    Observation observation();

    /** The observation with its evidence written. */
    Observation worded();
}
