package dev.gainstage.engine.graph;

/** A processing point in a strip's chain. */
public enum StageKind {
    SOURCE,
    TRIM,
    PLUGIN,
    SEND,
    FADER,
    OUTPUT;

    /** Stages whose level the user sets directly, so a fix can be applied to them. */
    public boolean hasGainControl() {
        return this == TRIM || this == FADER || this == SEND || this == PLUGIN;
    }
}
