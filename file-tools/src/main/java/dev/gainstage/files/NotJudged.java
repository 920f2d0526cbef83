package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.SourceTooQuietRule;
import dev.gainstage.engine.rules.TapReadings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that have not judged a track, and why, so that "no finding" is never read as "fine" when the
 * rule did not look. The live rules pass such a track by in silence and do not expose why, so the
 * same conditions are computed here from the reading the rules see ({@link FileMeter#wholeFile}),
 * with the rules' own tests: below {@link TapReadings#SIGNAL_FLOOR_DBFS} no source or master rule
 * judges (TapReadings.hasSignal, as SourceLevels and MasterLevels ask), and SOURCE_TOO_QUIET waits
 * until {@link SourceTooQuietRule#judgeable} (seconds of signal or events), in its own words
 * ({@link SourceTooQuietRule#waitingFor}).
 *
 * @param rules  the rules that did not judge the track (docs/rules.md names)
 * @param reason why, with the measured figure (rounded down, so it never reads as enough) and what the rule needs
 */
record NotJudged(List<String> rules, String reason) {
    private static final List<String> SOURCE_RULES =
            List.of(Rule.SOURCE_CLIPPING.name(), Rule.SOURCE_TOO_HOT.name(), Rule.SOURCE_TOO_QUIET.name());
    private static final List<String> MASTER_RULES =
            List.of(Rule.MASTER_OVER_0DBFS.name(), Rule.MASTER_LOW_HEADROOM.name());

    /** Each track that some rule did not judge (stems in order, then the sum), by track name. */
    static Map<String, NotJudged> of(List<TrackAnalysis> stems, TrackAnalysis sum, RuleConfig config) {
        Map<String, NotJudged> out = new LinkedHashMap<>();
        for (TrackAnalysis t : stems) {
            MeterReading r = FileMeter.wholeFile(t.reading());
            if (!TapReadings.hasSignal(r)) {
                out.put(t.name(), silent(SOURCE_RULES));
            } else if (!SourceTooQuietRule.judgeable(r, config)) {
                out.put(
                        t.name(),
                        new NotJudged(List.of(Rule.SOURCE_TOO_QUIET.name()), SourceTooQuietRule.waitingFor(r, config)));
            }
        }
        if (!TapReadings.hasSignal(FileMeter.wholeFile(sum.reading()))) {
            out.put(sum.name(), silent(MASTER_RULES));
        }
        return out;
    }

    private static NotJudged silent(List<String> rules) {
        return new NotJudged(rules, "silent (peaks below " + Table.fixed(TapReadings.SIGNAL_FLOOR_DBFS, 1) + " dBFS)");
    }

    String describe(String track) {
        return track + ": not judged for " + String.join(", ", rules) + ": " + reason;
    }

    JsonObject toJson() {
        StringBuilder list = new StringBuilder("[");
        for (String rule : rules) {
            if (list.length() > 1) {
                list.append(", ");
            }
            JsonObject.quote(list, rule);
        }
        return new JsonObject().putRaw("rules", list.append(']').toString()).put("reason", reason);
    }
}
