package dev.gainstage.engine.rules;

import java.util.Locale;

/**
 * How levels are written for people: one decimal, explicit sign on changes. The rules write their words for every
 * stage at every tick, so the one-decimal figure is written here directly rather than by {@link String#format}, which
 * parses its pattern and builds a formatter per call (a tenth of a 2048-tap tick); it writes exactly what
 * {@code String.format(Locale.ROOT, "%.1f", db)} writes.
 */
public final class Decibels {
    /** Below this magnitude {@link Double#toString} writes plain digits; above, the formatter is asked. */
    private static final double PLAIN_BELOW = 1e7;
    /** Below this magnitude {@link Double#toString} writes an exponent; such a value rounds to 0.0 anyway. */
    private static final double TINY = 1e-3;

    private Decibels() {}

    public static String level(double db, String unit) {
        return oneDecimal(db, false) + " " + unit;
    }

    public static String change(double db) {
        return oneDecimal(db, true) + " dB";
    }

    public static String amount(double db) {
        return oneDecimal(Math.abs(db), false) + " dB";
    }

    /** Rounded to 0.1 dB: fixes are suggested to a tenth of a dB. */
    public static double tenth(double db) {
        return Math.round(db * 10.0) / 10.0;
    }

    /**
     * {@code x} to one decimal as {@code String.format(Locale.ROOT, plus ? "%+.1f" : "%.1f", x)} writes it: the
     * shortest decimal that identifies {@code x} (the digits of {@link Double#toString}), rounded half up, with the
     * sign of {@code x} even when the figure rounds to zero ("-0.0").
     */
    static String oneDecimal(double x, boolean plus) {
        double magnitude = Math.abs(x);
        if (!(magnitude < PLAIN_BELOW)) { // NaN, infinities, huge figures: rare, and the formatter's business
            return String.format(Locale.ROOT, plus ? "%+.1f" : "%.1f", x);
        }
        long tenths = 0;
        if (magnitude >= TINY) {
            String digits = Double.toString(magnitude); // "123.456": plain below 1e7 and from 1e-3
            int point = digits.indexOf('.');
            long whole = Long.parseLong(digits, 0, point, 10);
            int first = digits.charAt(point + 1) - '0';
            boolean up = point + 2 < digits.length() && digits.charAt(point + 2) >= '5';
            tenths = whole * 10 + first + (up ? 1 : 0);
        }
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        StringBuilder b = new StringBuilder(12);
        if (negative) {
            b.append('-');
        } else if (plus) {
            b.append('+');
        }
        return b.append(tenths / 10).append('.').append(tenths % 10).toString();
    }
}
