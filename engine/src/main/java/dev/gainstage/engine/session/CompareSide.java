package dev.gainstage.engine.session;

/** The two sides of a level-matched A/B. */
public enum CompareSide {
    /** Processed: the plugin active. */
    A,
    /** Bypassed: the plugin deactivated. */
    B
}
