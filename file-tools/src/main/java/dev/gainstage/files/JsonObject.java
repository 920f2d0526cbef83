package dev.gainstage.files;

/**
 * Writes one flat JSON object by hand (the engine carries no JSON library). Measurement values
 * that are NaN ("nothing measurable") or infinite become {@code null}, never -Infinity.
 */
public final class JsonObject {
    private final StringBuilder out = new StringBuilder("{");

    public JsonObject put(String key, String value) {
        key(key);
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
        return this;
    }

    public JsonObject put(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    /** A measurement rounded to 3 decimals (dB figures are not meaningful beyond that). */
    public JsonObject put(String key, double value) {
        return putRaw(key, number(value, 3));
    }

    /** A value with all its significant digits (e.g. a DC offset of 2.5E-5). */
    public JsonObject putExact(String key, double value) {
        return putRaw(key, Double.isFinite(value) ? Double.toString(value) : "null");
    }

    /** A value that is already JSON (a nested object or array). */
    public JsonObject putRaw(String key, String json) {
        key(key);
        out.append(json);
        return this;
    }

    private void key(String key) {
        if (out.length() > 1) {
            out.append(", ");
        }
        quote(out, key);
        out.append(": ");
    }

    /**
     * A JSON number with at most {@code decimals} decimals, or null for NaN and infinities. Built by
     * hand: String.format would load the Formatter and regex machinery, a visible share of a short
     * command's run time.
     */
    public static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        double scaled = Math.abs(value) * scale;
        if (scaled >= 9e15) {
            return Double.toString(value); // beyond exact long arithmetic: keep every digit
        }
        long units = Math.round(scaled);
        StringBuilder s = new StringBuilder();
        if (value < 0 && units != 0) {
            s.append('-');
        }
        s.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0) {
            StringBuilder digits = new StringBuilder(Long.toString(fraction));
            while (digits.length() < decimals) {
                digits.insert(0, '0');
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(digits, 0, end);
        }
        return s.toString();
    }

    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        String hex = Integer.toHexString(c);
                        out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
