package dev.gainstage.engine.rules;

/** One gain change of a suggested fix: a stage (trim, fader, plugin output, send) and by how much. */
public record FixStep(String stageId, double changeDb) {}
