package dev.gainstage.engine.rules;

public enum WarningState {
    RAISED,
    UPDATED,
    CLEARED
}
