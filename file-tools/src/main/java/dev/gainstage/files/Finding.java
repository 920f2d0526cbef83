package dev.gainstage.files;

/**
 * One staging finding of {@code analyze}.
 *
 * @param rule      the rule name as docs/rules.md spells it (SOURCE_TOO_HOT, MASTER_OVER_0DBFS, ...)
 * @param track     the stem's file name, or "sum"
 * @param measured  the level that triggered it (dBFS)
 * @param threshold the rule's threshold (dBFS)
 * @param fixDb     suggested gain change in dB (negative: lower), NaN when no number applies
 * @param advice    the suggestion in words
 */
public record Finding(String rule, String track, double measured, double threshold, double fixDb, String advice) {
    public String describe() {
        return track + ": " + rule + " (" + Table.fixed(measured, 1) + " dBFS vs " + Table.fixed(threshold, 1)
                + " dBFS): " + advice;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("rule", rule)
                .put("track", track)
                .put("measured", measured)
                .put("threshold", threshold)
                .put("fixDb", fixDb)
                .put("advice", advice);
    }
}
