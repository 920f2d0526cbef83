package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.checklist.ChecklistItem;
import dev.gainstage.engine.checklist.ChecklistStep;
import dev.gainstage.engine.checklist.DeliveryCheck;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.ChannelLevel;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.RuleWording;
import dev.gainstage.engine.rules.StagingStates;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.session.SessionState;
import dev.gainstage.engine.session.TapModes;
import dev.gainstage.engine.session.WarningEvent;
import dev.gainstage.proto.v1.ChannelLevels;
import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.MeterFigures;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.WarningState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Builds the protocol's session view from a published session state. */
public final class ViewProtos {
    private ViewProtos() {}

    /** The view without events; each watcher adds the events it has not sent yet. */
    public static SessionView view(SessionState s) {
        return view(s, OptionalDouble.empty());
    }

    /** As above, with the seconds since the adapter's last tap audio (see {@code SessionEngine.tapSilenceSeconds}). */
    public static SessionView view(SessionState s, OptionalDouble tapSilenceSeconds) {
        SessionView.Builder v = SessionView.newBuilder()
                .setSessionKey(s.sessionKey())
                .setSessionName(s.sessionName())
                .setViewSequence(s.version())
                .setAudioTimeSeconds(s.audioSeconds())
                .setAdapterConnected(s.adapterConnected())
                .setAdapterName(s.adapterName())
                .setRolling(s.rolling())
                .setDroppedBlocks(s.droppedBlocks())
                .addAllNotices(s.notices());
        tapSilenceSeconds.ifPresent(v::setAdapterSilentSeconds);
        StageIndex index = new StageIndex(s);
        for (Strip strip : s.graph().strips()) {
            OverviewRow.Builder row = OverviewRow.newBuilder()
                    .setStripId(strip.id())
                    .setName(strip.name())
                    .setKind(GraphProtos.toProto(strip.kind()))
                    .addAllOutputs(strip.outputs());
            for (Stage stage : strip.stages()) {
                row.addStages(stage(s, index, strip, stage));
            }
            v.addRows(row);
        }
        for (Warning w : s.warnings()) {
            v.addWarnings(warning(w));
        }
        v.setChecklist(checklist(s.checklist()));
        v.setActiveWarningCount((int) s.unacknowledgedWarnings());
        v.addAllDecisions(DecisionProtos.mostRecentFirst(s.undoable()));
        if (!s.master().stageId().isEmpty()) {
            v.setMaster(MasterProtos.master(s.master()));
        }
        s.compare().ifPresent(c -> v.setCompare(CompareProtos.view(c)));
        return v.build();
    }

    public static SessionView withEventsAfter(SessionView base, SessionState s, long afterSequence) {
        SessionView.Builder b = null;
        for (WarningEvent e : s.recentEvents()) {
            if (e.sequence() > afterSequence) {
                if (b == null) {
                    b = base.toBuilder();
                }
                b.addEvents(warning(e.warning()));
            }
        }
        return b == null ? base : b.build();
    }

    /**
     * The warnings and the pending checklist detail of each stage, found once per view: looked up per
     * stage in the whole lists, a view of 2048 stages took 4 million comparisons each.
     */
    private static final class StageIndex {
        private final Map<String, List<Warning>> warnings = new HashMap<>();
        private final Map<String, String> waiting = new HashMap<>();

        StageIndex(SessionState s) {
            for (Warning w : s.warnings()) {
                warnings.computeIfAbsent(w.stageId(), k -> new ArrayList<>()).add(w);
            }
            for (ChecklistStep step : s.checklist().steps()) {
                for (ChecklistItem item : step.items()) {
                    if (item.state() == dev.gainstage.engine.checklist.ItemState.PENDING) {
                        waiting.putIfAbsent(item.stageId(), item.detail());
                    }
                }
            }
        }

        /** The warnings {@link StagingStates#classify} looks at for this stage: its own and its strip's source's. */
        List<Warning> near(Strip strip, Stage stage) {
            List<Warning> own = warnings.getOrDefault(stage.id(), List.of());
            if (stage.kind() != StageKind.TRIM) {
                return own;
            }
            List<Warning> source = strip.firstOfKind(StageKind.SOURCE)
                    .map(src -> warnings.getOrDefault(src.id(), List.of()))
                    .orElse(List.of());
            List<Warning> both = new ArrayList<>(own);
            both.addAll(source);
            return both;
        }

        /** The checklist's word on a stage still waiting for enough audio: one judgement for the cell and the item. */
        String waiting(Stage stage) {
            return waiting.getOrDefault(stage.id(), "");
        }
    }

    private static StageView stage(SessionState s, StageIndex index, Strip strip, Stage stage) {
        MeterReading in = s.reading(new TapKey(stage.id(), TapPoint.INPUT));
        MeterReading out = s.reading(new TapKey(stage.id(), TapPoint.OUTPUT));
        StageView.Builder b = StageView.newBuilder()
                .setStageId(stage.id())
                .setName(stage.name())
                .setKind(GraphProtos.toProto(stage.kind()))
                .setActive(stage.active())
                .setState(StagingState.valueOf("STAGING_STATE_"
                        + StagingStates.classify(strip, stage, out, index.near(strip, stage))
                                .name()))
                .setWaiting(index.waiting(stage))
                .setIntentional(
                        s.intentional().contains(stage.id()) || s.intentional().contains(strip.id()))
                .setDroppedBlocks(s.drops().getOrDefault(stage.id(), 0L));
        if (stage.kind() != StageKind.SOURCE) {
            b.setInputFigures(figures(TapModes.of(strip, stage, TapPoint.INPUT)));
        }
        b.setOutputFigures(figures(TapModes.of(strip, stage, TapPoint.OUTPUT)));
        s.compare()
                .filter(c -> c.stageId().equals(stage.id()))
                .ifPresent(c -> b.setCompareSide(CompareProtos.toProto(c.side())));
        if (in != null) {
            b.setInput(levels(in, s.channelLevels(new TapKey(stage.id(), TapPoint.INPUT))));
        }
        if (out != null) {
            b.setOutput(levels(out, s.channelLevels(new TapKey(stage.id(), TapPoint.OUTPUT))));
        }
        if (stage.kind() == StageKind.PLUGIN
                && in != null
                && out != null
                && MeterReading.has(in.shortTermLufs())
                && MeterReading.has(out.shortTermLufs())) {
            b.setGainDeltaDb(out.shortTermLufs() - in.shortTermLufs());
        }
        return b.build();
    }

    private static Levels levels(MeterReading r, List<ChannelLevel> channels) {
        Levels.Builder b = Levels.newBuilder().setHasSignal(MeterReading.has(r.samplePeakDbfs()));
        if (MeterReading.has(r.samplePeakDbfs())) {
            b.setSamplePeakDbfs(r.samplePeakDbfs());
        }
        if (MeterReading.has(r.truePeakDbtp())) {
            b.setTruePeakDbtp(r.truePeakDbtp());
        }
        if (MeterReading.has(r.rmsDbfs())) {
            b.setRmsDbfs(r.rmsDbfs());
        }
        if (MeterReading.has(r.momentaryLufs())) {
            b.setMomentaryLufs(r.momentaryLufs());
        }
        if (MeterReading.has(r.shortTermLufs())) {
            b.setShortTermLufs(r.shortTermLufs());
        }
        if (MeterReading.has(r.maxSamplePeakDbfs())) {
            b.setPeakHoldDbfs(r.maxSamplePeakDbfs());
        }
        if (MeterReading.has(r.integratedLufs())) {
            b.setIntegratedLufs(r.integratedLufs());
        }
        if (MeterReading.has(r.loudnessRangeLu())) {
            b.setLoudnessRangeLu(r.loudnessRangeLu());
        }
        for (ChannelLevel c : channels) {
            b.addChannels(channel(c));
        }
        return b.build();
    }

    private static ChannelLevels channel(ChannelLevel c) {
        ChannelLevels.Builder b = ChannelLevels.newBuilder();
        if (MeterReading.has(c.samplePeakDbfs())) {
            b.setSamplePeakDbfs(c.samplePeakDbfs());
        }
        if (MeterReading.has(c.peakHoldDbfs())) {
            b.setPeakHoldDbfs(c.peakHoldDbfs());
        }
        if (MeterReading.has(c.truePeakHoldDbtp())) {
            b.setTruePeakHoldDbtp(c.truePeakHoldDbtp());
        }
        return b.build();
    }

    private static MeterFigures figures(MeterMode m) {
        return MeterFigures.newBuilder()
                .setTruePeak(m.truePeak())
                .setLoudness(m.loudness())
                .setLoudnessHistory(m.loudnessHistory())
                .build();
    }

    public static dev.gainstage.proto.v1.Warning warning(Warning w) {
        dev.gainstage.proto.v1.Warning.Builder b = dev.gainstage.proto.v1.Warning.newBuilder()
                .setId(w.id())
                .setRule(Rule.valueOf(w.rule().name()))
                .setSeverity(Severity.valueOf("SEVERITY_" + w.severity().name()))
                .setState(WarningState.valueOf("WARNING_STATE_" + w.state().name()))
                .setStripId(w.stripId())
                .setStripName(w.stripName())
                .setStageId(w.stageId())
                .setStageName(w.stageName())
                .setMeasured(w.measured())
                .setThreshold(w.threshold())
                .setUnit(w.unit())
                .setMessage(w.message())
                .setSuggestion(w.suggestion())
                .setFirstSeenSeconds(w.firstSeenSeconds())
                .setLastSeenSeconds(w.lastSeenSeconds())
                .setPeakMeasured(w.peakMeasured())
                .setRootCauseId(w.rootCauseId())
                .setAcknowledged(w.acknowledged())
                .setAckReason(w.ackReason())
                .setClearing(w.clearing())
                .setEvidence(w.evidence())
                .setTitle(RuleWording.title(w.rule()));
        for (FixStep step : w.fix()) {
            b.addFix(dev.gainstage.proto.v1.FixStep.newBuilder()
                    .setStageId(step.stageId())
                    .setChangeDb(step.changeDb()));
        }
        return b.build();
    }

    private static Checklist checklist(dev.gainstage.engine.checklist.Checklist c) {
        Checklist.Builder b = Checklist.newBuilder()
                .setNextItemId(c.nextItemId())
                .setDone(c.done())
                .setTotal(c.total());
        for (ChecklistStep step : c.steps()) {
            dev.gainstage.proto.v1.ChecklistStep.Builder sb = dev.gainstage.proto.v1.ChecklistStep.newBuilder()
                    .setNumber(step.number())
                    .setTitle(step.title())
                    .setOptional(step.number() == DeliveryCheck.STEP);
            for (ChecklistItem item : step.items()) {
                sb.addItems(dev.gainstage.proto.v1.ChecklistItem.newBuilder()
                        .setId(item.id())
                        .setText(item.text())
                        .setStripId(item.stripId())
                        .setStageId(item.stageId())
                        .setState(ItemState.valueOf("ITEM_STATE_" + item.state().name()))
                        .setDetail(item.detail())
                        .setAckReason(item.ackReason()));
            }
            b.addSteps(sb);
        }
        return b.build();
    }
}
