package dev.gainstage.client;

import java.util.Locale;

/** A position on the DAW's timeline in words, the way the panel and the sidecar's answers write it. */
public final class TimelinePosition {
    private TimelinePosition() {}

    /** {@code 83.42} → "1:23.4", {@code 3723.0} → "1:02:03.0"; tenths of a second, rounded. */
    public static String format(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long tenths = Math.round(Math.max(0, seconds) * 10);
        long h = tenths / 36_000;
        long m = tenths / 600 % 60;
        double s = tenths % 600 / 10.0;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%04.1f", h, m, s)
                : String.format(Locale.ROOT, "%d:%04.1f", m, s);
    }
}
