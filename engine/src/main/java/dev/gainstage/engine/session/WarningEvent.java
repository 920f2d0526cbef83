package dev.gainstage.engine.session;

import dev.gainstage.engine.rules.Warning;

/** A warning raised, updated or cleared, numbered so each watcher can take the ones it has not seen. */
public record WarningEvent(long sequence, Warning warning) {}
