package dev.gainstage.engine.checklist;

public enum ItemState {
    PENDING,
    PASSING,
    FAILING,
    ACKNOWLEDGED
}
