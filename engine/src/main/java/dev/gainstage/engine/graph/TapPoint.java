package dev.gainstage.engine.graph;

/** Where on a stage audio is tapped. */
public enum TapPoint {
    INPUT,
    OUTPUT
}
