package dev.gainstage.files;

import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.Observation;
import dev.gainstage.engine.rules.Severity;

/**
 * One staging finding of {@code analyze}: a broken rule, in the live rules' words.
 *
 * @param rule      the rule name as docs/rules.md spells it (SOURCE_TOO_HOT, MASTER_OVER_0DBFS, ...)
 * @param track     the stem's file name, or "sum"
 * @param severity  the rule's severity (the HTML report colours critical ones)
 * @param measured  the level that triggered it, in {@code unit}
 * @param threshold the rule's threshold, in {@code unit}
 * @param unit      dBFS, dBTP or dB
 * @param fixDb     suggested gain change in dB (negative: lower), NaN when no gain change fixes it
 * @param message   what was measured
 * @param advice    the suggestion in words
 */
public record Finding(
        String rule,
        String track,
        Severity severity,
        double measured,
        double threshold,
        String unit,
        double fixDb,
        String message,
        String advice) {
    /** The rules' fix steps for one track change its stages by one amount (a trim, or every fader feeding the sum). */
    static Finding of(String track, Observation o) {
        double fix = o.fix().stream().mapToDouble(FixStep::changeDb).findFirst().orElse(Double.NaN);
        return new Finding(
                o.rule().name(),
                track,
                o.rule().severity(),
                o.measured(),
                o.threshold(),
                o.unit(),
                fix,
                o.message(),
                o.suggestion());
    }

    public String describe() {
        return rule + " (" + Table.fixed(measured, 1) + " " + unit + " vs " + Table.fixed(threshold, 1) + " " + unit
                + "): " + message + ". " + advice;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("rule", rule)
                .put("track", track)
                .put("severity", severity.name())
                .put("measured", measured)
                .put("threshold", threshold)
                .put("unit", unit)
                .put("fixDb", fixDb)
                .put("message", message)
                .put("advice", advice);
    }
}
