package dev.gainstage.panel;

import java.util.function.ToIntFunction;

/**
 * Shortens a name to a width by cutting its middle ("Tube Sat…tor"): the start says what it is,
 * the end often tells two similar names apart ("Comp 1" and "Comp 2"). Measured by a function, so
 * it is tested without a display.
 */
public final class TextFit {
    private static final String ELLIPSIS = "\u2026";

    private TextFit() {}

    /** {@code text} as it is when it fits, else its start and end around "…", "" when even "…" does not fit. */
    public static String middle(String text, int width, ToIntFunction<String> textWidth) {
        if (textWidth.applyAsInt(text) <= width) {
            return text;
        }
        for (int keep = text.length() - 1; keep > 0; keep--) {
            int head = (2 * keep + 2) / 3; // more of the start: it says what the thing is
            String t = text.substring(0, head).stripTrailing()
                    + ELLIPSIS
                    + text.substring(text.length() - (keep - head)).stripLeading();
            if (textWidth.applyAsInt(t) <= width) {
                return t;
            }
        }
        return textWidth.applyAsInt(ELLIPSIS) <= width ? ELLIPSIS : "";
    }
}
