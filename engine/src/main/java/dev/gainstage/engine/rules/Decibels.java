package dev.gainstage.engine.rules;

import java.util.Locale;

/** How levels are written for people: one decimal, explicit sign on changes. */
public final class Decibels {
    private Decibels() {}

    public static String level(double db, String unit) {
        return String.format(Locale.ROOT, "%.1f %s", db, unit);
    }

    public static String change(double db) {
        return String.format(Locale.ROOT, "%+.1f dB", db);
    }

    public static String amount(double db) {
        return String.format(Locale.ROOT, "%.1f dB", Math.abs(db));
    }

    /** Rounded to 0.1 dB: fixes are suggested to a tenth of a dB. */
    public static double tenth(double db) {
        return Math.round(db * 10.0) / 10.0;
    }
}
