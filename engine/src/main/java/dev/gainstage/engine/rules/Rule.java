package dev.gainstage.engine.rules;

/** The staging rules of docs/rules.md, each with the severity its warnings carry. */
public enum Rule {
    SOURCE_TOO_HOT(Severity.WARNING),
    SOURCE_CLIPPING(Severity.CRITICAL),
    SOURCE_TOO_QUIET(Severity.WARNING),
    SOURCE_NOISY(Severity.WARNING),
    PLUGIN_GAIN_MISMATCH(Severity.WARNING),
    PLUGIN_INPUT_OVERDRIVE(Severity.WARNING),
    PLUGIN_OUTPUT_HOT(Severity.CRITICAL),
    BUS_OVERLOAD(Severity.CRITICAL),
    MASTER_OVER_0DBFS(Severity.CRITICAL),
    MASTER_LOW_HEADROOM(Severity.INFO),
    FADER_EXTREME(Severity.WARNING);

    private final Severity severity;

    Rule(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Rules the user silences for a stage or strip by marking it intentional saturation. */
    public boolean mutedByIntentionalSaturation() {
        return this == PLUGIN_GAIN_MISMATCH || this == PLUGIN_INPUT_OVERDRIVE;
    }
}
