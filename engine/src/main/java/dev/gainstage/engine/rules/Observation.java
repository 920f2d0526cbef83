package dev.gainstage.engine.rules;

import java.util.List;

/**
 * One rule measured on one stage at one moment, whether or not it is broken: the tracker needs
 * the value below threshold too, to clear a warning with hysteresis.
 *
 * @param breaks      whether the rule is broken now (may be more than measured vs threshold, e.g.
 *                    a clipped run or a noise floor too close)
 * @param fix         the gain changes that apply the suggestion; empty when no gain change can
 * @param clearMarginDb how far inside the threshold the measurement must be for the warning to clear
 * @param evidence    what the verdict rests on, in words: the reading and window judged, the numbers, the
 *                    calibration ({@link StagingRules} writes it for every rule)
 */
public record Observation(
        Rule rule,
        String stripId,
        String stageId,
        double measured,
        double threshold,
        Direction direction,
        String unit,
        boolean breaks,
        String message,
        String suggestion,
        List<FixStep> fix,
        double clearMarginDb,
        String evidence)
        implements Observed {
    public Observation {
        fix = List.copyOf(fix);
        evidence = evidence == null ? "" : evidence;
    }

    /** An observation whose evidence is still to be written. */
    public Observation(
            Rule rule,
            String stripId,
            String stageId,
            double measured,
            double threshold,
            Direction direction,
            String unit,
            boolean breaks,
            String message,
            String suggestion,
            List<FixStep> fix,
            double clearMarginDb) {
        this(
                rule,
                stripId,
                stageId,
                measured,
                threshold,
                direction,
                unit,
                breaks,
                message,
                suggestion,
                fix,
                clearMarginDb,
                "");
    }

    /**
     * A rule's observation of {@code c}'s stage, its words written by {@code wording} only when a warning is built from
     * it ({@link Observed#worded}).
     */
    static Observed unworded(
            StageContext c,
            Rule rule,
            String stageId,
            double measured,
            double threshold,
            Direction direction,
            String unit,
            boolean breaks,
            List<FixStep> fix,
            double clearMarginDb,
            Wording wording) {
        return new Unworded(
                new Observation(
                        rule,
                        c.strip().id(),
                        stageId,
                        measured,
                        threshold,
                        direction,
                        unit,
                        breaks,
                        "",
                        "",
                        fix,
                        clearMarginDb),
                c,
                wording);
    }

    Observation withWords(String newMessage, String newSuggestion, String newEvidence) {
        return new Observation(
                rule,
                stripId,
                stageId,
                measured,
                threshold,
                direction,
                unit,
                breaks,
                newMessage,
                newSuggestion,
                fix,
                clearMarginDb,
                newEvidence);
    }

    public Observation withEvidence(String newEvidence) {
        return withWords(message, suggestion, newEvidence);
    }

    @Override
    public Observation observation() {
        return this;
    }

    @Override
    public Observation worded() {
        return this;
    }

    public String warningId() {
        return WarningIds.of(rule, stageId);
    }
}
