package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.session.DecisionRecord;
import dev.gainstage.engine.session.GainChange;
import dev.gainstage.proto.v1.DecisionHistory;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.UndoableDecision;
import dev.gainstage.proto.v1.UndoableGain;
import java.util.List;

/** The undo history on the wire: most recent first. */
public final class DecisionProtos {
    private DecisionProtos() {}

    public static DecisionHistory history(String sessionKey, List<DecisionRecord> oldestFirst) {
        return DecisionHistory.newBuilder()
                .setSessionKey(sessionKey)
                .addAllDecisions(mostRecentFirst(oldestFirst))
                .build();
    }

    public static List<UndoableDecision> mostRecentFirst(List<DecisionRecord> oldestFirst) {
        return oldestFirst.reversed().stream().map(DecisionProtos::decision).toList();
    }

    public static UndoableDecision decision(DecisionRecord r) {
        UndoableDecision.Builder b = UndoableDecision.newBuilder()
                .setDecisionId(r.id())
                .setKind(kind(r.kind()))
                .setTargetId(r.targetId())
                .setText(r.text())
                .setAudioTimeSeconds(r.audioSeconds());
        for (GainChange g : r.gains()) {
            UndoableGain.Builder gain = UndoableGain.newBuilder()
                    .setStageId(g.stageId())
                    .setStageName(g.stageName())
                    .setChangeDb(g.changeDb());
            if (g.knowsBefore()) {
                gain.setBeforeDb(g.beforeDb());
            }
            if (Double.isFinite(g.afterDb())) {
                gain.setAfterDb(g.afterDb());
            }
            b.addGains(gain);
        }
        return b.build();
    }

    public static DecisionKind kind(DecisionRecord.Kind k) {
        return switch (k) {
            case ACKNOWLEDGE -> DecisionKind.DECISION_KIND_ACKNOWLEDGE;
            case INTENTIONAL -> DecisionKind.DECISION_KIND_INTENTIONAL;
            case FIX -> DecisionKind.DECISION_KIND_FIX;
        };
    }

    /** Null for UNSPECIFIED: any kind. */
    public static DecisionRecord.Kind kind(DecisionKind k) {
        return switch (k) {
            case DECISION_KIND_ACKNOWLEDGE -> DecisionRecord.Kind.ACKNOWLEDGE;
            case DECISION_KIND_INTENTIONAL -> DecisionRecord.Kind.INTENTIONAL;
            case DECISION_KIND_FIX -> DecisionRecord.Kind.FIX;
            default -> null;
        };
    }
}
