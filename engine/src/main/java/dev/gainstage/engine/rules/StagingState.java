package dev.gainstage.engine.rules;

/** How a stage's level looks at a glance: the colour of its cell in the overview. */
public enum StagingState {
    NO_SIGNAL,
    IN_RANGE,
    QUIET,
    HOT,
    CLIPPING
}
