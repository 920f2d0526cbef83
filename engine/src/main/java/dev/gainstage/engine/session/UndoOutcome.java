package dev.gainstage.engine.session;

/** What became of an undo: whether it was undone, in words, and the decision it was about. */
public record UndoOutcome(boolean undone, String message, DecisionRecord decision) {}
