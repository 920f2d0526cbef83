package dev.gainstage.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear time scale from {@code fromSeconds} to {@code toSeconds}, as the reports draw time: ticks at a round step
 * (1 s up to an hour) and labels in m:ss (h:mm:ss from an hour), so every time chart of both reports reads alike.
 */
public record TimeAxis(double fromSeconds, double toSeconds) {
    private static final double[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};

    public TimeAxis {
        if (!(toSeconds > fromSeconds)) {
            throw new IllegalArgumentException(
                    "the end " + toSeconds + " s must be after the start " + fromSeconds + " s");
        }
    }

    /** Where {@code seconds} lies between {@code atStart} (the start's pixel) and {@code atEnd}, clamped to the span. */
    public double position(double seconds, double atStart, double atEnd) {
        double clamped = Math.max(fromSeconds, Math.min(toSeconds, seconds));
        return atStart + (atEnd - atStart) * (clamped - fromSeconds) / (toSeconds - fromSeconds);
    }

    /** The labelled times: every round step from the start's (rounded up; + 0.0 turns a −0 into 0), about {@code count}. */
    public List<Double> ticks(int count) {
        double raw = (toSeconds - fromSeconds) / Math.max(1, count);
        double step = STEPS[STEPS.length - 1] * Math.ceil(raw / STEPS[STEPS.length - 1]);
        for (double s : STEPS) {
            if (s >= raw) {
                step = s;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(fromSeconds / step - 1e-9) * step + 0.0; t <= toSeconds + 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    /** {@code 83.4} → "1:23", {@code 3723} → "1:02:03": whole seconds, rounded. */
    public static String label(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
