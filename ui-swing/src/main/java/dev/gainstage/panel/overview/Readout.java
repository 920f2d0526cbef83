package dev.gainstage.panel.overview;

import java.util.function.ToIntFunction;

/**
 * The numbers under a bar meter: the peak (last 3 s) on the left, the peak hold on the right, with
 * as many words and units as the cell's width allows. The wording is chosen once per width for the
 * widest numbers, so it does not change as the levels move. Formatted by hand, not with
 * String.format: the overview formats a few hundred numbers per frame.
 */
public record Readout(String peak, String hold) {
    /** Pixels at least between the peak and the hold. */
    static final int GAP = 6;

    private static final int WORDINGS = 4;

    /** The widest wording (0 = most words) that fits {@code width} pixels for any level. */
    public static int wording(int width, ToIntFunction<String> textWidth) {
        for (int w = 0; w < WORDINGS - 1; w++) {
            Readout r = of(-88.8, -88.8, w);
            if (textWidth.applyAsInt(r.peak) + GAP + textWidth.applyAsInt(r.hold) <= width) {
                return w;
            }
        }
        return WORDINGS - 1;
    }

    /** Peak and hold in a wording: 0 "-8.1 dBFS" "hold -5.0 dBFS", 1 without the hold's unit, 2 no units, 3 numbers only. */
    public static Readout of(double peakDb, double holdDb, int wording) {
        String p = db(peakDb);
        String h = db(holdDb);
        return switch (wording) {
            case 0 -> new Readout(p + " dBFS", "hold " + h + " dBFS");
            case 1 -> new Readout(p + " dBFS", "hold " + h);
            case 2 -> new Readout(p, "hold " + h);
            default -> new Readout(p, h);
        };
    }

    /** One decimal, a sign above zero ("+2.2", "-8.1"), "-" without signal. */
    public static String db(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        long tenths = Math.round(v * 10);
        StringBuilder sb = new StringBuilder(8);
        if (tenths < 0) {
            sb.append('-');
        } else if (tenths > 0) {
            sb.append('+');
        }
        long a = Math.abs(tenths);
        return sb.append(a / 10).append('.').append(a % 10).toString();
    }

    /** A plugin's in→out loudness change: "+14.6 dB"; "" when not measured. */
    public static String delta(double db) {
        return Double.isNaN(db) ? "" : db(db) + " dB";
    }
}
