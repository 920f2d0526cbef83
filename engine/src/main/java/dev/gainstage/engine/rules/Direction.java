package dev.gainstage.engine.rules;

/** Which side of its threshold a measurement breaks a rule on. */
public enum Direction {
    ABOVE,
    BELOW;

    public boolean breaks(double measured, double threshold) {
        return this == ABOVE ? measured > threshold : measured < threshold;
    }

    /** Back inside by at least {@code margin}: the hysteresis band that lets a warning clear. */
    public boolean clearOf(double measured, double threshold, double margin) {
        return this == ABOVE ? measured < threshold - margin : measured > threshold + margin;
    }

    /** Whether {@code a} is worse than {@code b} for a rule that breaks on this side. */
    public boolean worse(double a, double b) {
        return this == ABOVE ? a > b : a < b;
    }
}
