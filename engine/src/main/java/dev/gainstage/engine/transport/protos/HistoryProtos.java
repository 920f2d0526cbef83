package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.history.HistorySlice;
import dev.gainstage.engine.history.WarningSpan;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageHistory;

/** The session's history ({@link HistorySlice}) as the protocol's {@link SessionHistoryView}. */
public final class HistoryProtos {
    private HistoryProtos() {}

    public static SessionHistoryView view(String sessionKey, HistorySlice slice) {
        SessionHistoryView.Builder v = SessionHistoryView.newBuilder()
                .setSessionKey(sessionKey)
                .setPointsForgotten(slice.forgotten())
                .setNowSeconds(slice.nowSeconds());
        for (double t : slice.levels().pointSeconds()) {
            v.addPointSeconds(t);
        }
        for (HistorySlice.StageSeries s : slice.levels().stages()) {
            StageHistory.Builder b = StageHistory.newBuilder().setStageId(s.stageId());
            for (int i = 0; i < s.samplePeakDbfs().length; i++) {
                b.addSamplePeakDbfs(s.samplePeakDbfs()[i]);
                b.addTruePeakDbtp(s.truePeakDbtp()[i]);
                b.addShortTermLufs(s.shortTermLufs()[i]);
            }
            v.addStages(b);
        }
        for (WarningSpan w : slice.warnings()) {
            v.addWarnings(span(w));
        }
        return v.build();
    }

    private static dev.gainstage.proto.v1.WarningSpan span(WarningSpan w) {
        dev.gainstage.proto.v1.WarningSpan.Builder b = dev.gainstage.proto.v1.WarningSpan.newBuilder()
                .setWarningId(w.warningId())
                .setRule(Rule.valueOf(w.rule().name()))
                .setSeverity(Severity.valueOf("SEVERITY_" + w.rule().severity().name()))
                .setTitle(w.title())
                .setStripName(w.stripName())
                .setStageName(w.stageName())
                .setStageId(w.stageId())
                .setMessage(w.message())
                .setRaisedSeconds(w.raisedSeconds())
                .setUpdatedSeconds(w.updatedSeconds())
                .setUpdates(w.updates())
                .setPeakMeasured(w.peakMeasured())
                .setUnit(w.unit());
        if (!w.active()) {
            b.setClearedSeconds(w.clearedSeconds());
        }
        return b.build();
    }
}
