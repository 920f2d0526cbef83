package dev.gainstage.engine.session;

import java.util.List;
import java.util.Objects;

/**
 * One decision the user can undo, as kept with the session's {@link Decisions} (so it outlives the sidecar).
 *
 * @param number     unique in the session, increasing: the id the user undoes it by
 * @param targetId   the warning or checklist item acknowledged, or the stage or strip marked intentional, or the
 *                   warning whose fix was applied
 * @param text       the decision in words, for the panel and the command line
 * @param itemAck    for {@link Kind#ACKNOWLEDGE}: a checklist item's acknowledgement (else a warning's)
 * @param intentionalBefore for {@link Kind#INTENTIONAL}: whether the target was marked before (undo restores it)
 * @param gains      for {@link Kind#FIX}: the gains changed
 */
public record DecisionRecord(
        long number,
        Kind kind,
        String targetId,
        String text,
        double audioSeconds,
        boolean itemAck,
        boolean intentionalBefore,
        List<GainChange> gains) {
    public enum Kind {
        ACKNOWLEDGE,
        INTENTIONAL,
        FIX
    }

    public DecisionRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        text = text == null ? "" : text;
        gains = List.copyOf(gains);
    }

    public String id() {
        return Long.toString(number);
    }

    public DecisionRecord withGains(List<GainChange> remaining) {
        return new DecisionRecord(number, kind, targetId, text, audioSeconds, itemAck, intentionalBefore, remaining);
    }
}
