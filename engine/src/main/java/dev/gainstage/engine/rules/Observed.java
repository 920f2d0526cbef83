package dev.gainstage.engine.rules;

/**
 * An observation as the {@link WarningTracker} takes it: its figures at once, its words (message, suggestion and
 * evidence) only when they are needed. A live session judges every stage at every tick, and most observations break
 * nothing and become no warning, so the rules ({@link StagingRule#evaluate}) leave their words (and the figures written
 * in them) unwritten until a warning is built from them.
 */
public sealed interface Observed permits Observation, Unworded {
    /** The observation's figures; its message, suggestion and evidence may be empty, still to be written. */
    Observation observation();

    /** The observation with its evidence written. */
    Observation worded();
}
