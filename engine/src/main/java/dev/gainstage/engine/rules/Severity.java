package dev.gainstage.engine.rules;

public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
