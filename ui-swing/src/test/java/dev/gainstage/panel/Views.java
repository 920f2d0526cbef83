package dev.gainstage.panel;

import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.Warning;

/** Session views built by hand, for view-model tests. */
public final class Views {
    private Views() {}

    public static StageView stage(String id, StageKind kind, double outPeak, StagingState state) {
        return StageView.newBuilder()
                .setStageId(id)
                .setName(id.substring(id.indexOf('/') + 1))
                .setKind(kind)
                .setActive(true)
                .setState(state)
                .setInput(Levels.newBuilder().setSamplePeakDbfs(outPeak).setHasSignal(true))
                .setOutput(Levels.newBuilder()
                        .setSamplePeakDbfs(outPeak)
                        .setPeakHoldDbfs(outPeak)
                        .setHasSignal(true))
                .build();
    }

    public static OverviewRow strip(String id, String name, StripKind kind, StagingState state, String... outputs) {
        return OverviewRow.newBuilder()
                .setStripId(id)
                .setName(name)
                .setKind(kind)
                .addAllOutputs(java.util.List.of(outputs))
                .addStages(stage(id + "/source", StageKind.STAGE_KIND_SOURCE, -10, StagingState.STAGING_STATE_IN_RANGE))
                .addStages(stage(id + "/eq", StageKind.STAGE_KIND_PLUGIN, -10, state))
                .addStages(stage(id + "/output", StageKind.STAGE_KIND_OUTPUT, -10, StagingState.STAGING_STATE_IN_RANGE))
                .build();
    }

    public static Warning warning(Rule rule, String stageId, double firstSeen, String rootCause, Severity severity) {
        return Warning.newBuilder()
                .setId(rule.name() + "@" + stageId)
                .setRule(rule)
                .setStageId(stageId)
                .setFirstSeenSeconds(firstSeen)
                .setRootCauseId(rootCause)
                .setSeverity(severity)
                .setMessage(rule + " on " + stageId)
                .build();
    }

    /** Kick (hot) and Snare into a Drum Bus, Bass (quiet), all into the Master. */
    public static SessionView band() {
        return SessionView.newBuilder()
                .setSessionKey("k")
                .setSessionName("Band")
                .addRows(strip(
                        "kick", "Kick", StripKind.STRIP_KIND_AUDIO_TRACK, StagingState.STAGING_STATE_HOT, "drums"))
                .addRows(strip(
                        "snare",
                        "Snare",
                        StripKind.STRIP_KIND_AUDIO_TRACK,
                        StagingState.STAGING_STATE_IN_RANGE,
                        "drums"))
                .addRows(strip(
                        "bass", "Bass", StripKind.STRIP_KIND_AUDIO_TRACK, StagingState.STAGING_STATE_QUIET, "master"))
                .addRows(strip(
                        "drums", "Drum Bus", StripKind.STRIP_KIND_BUS, StagingState.STAGING_STATE_CLIPPING, "master"))
                .addRows(strip("master", "Master", StripKind.STRIP_KIND_MASTER, StagingState.STAGING_STATE_IN_RANGE))
                .build();
    }
}
