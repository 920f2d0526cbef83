package dev.gainstage.panel.overview;

import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the overview: a stage's levels in and out, as the bar meters draw them. Levels are
 * dBFS (true peak dBTP, loudness LUFS), {@code Double.NaN} where nothing was measured.
 */
public record StageCell(
        String stageId,
        String name,
        StageKind kind,
        boolean active,
        double inPeak,
        double inHold,
        double outPeak,
        double outHold,
        double outTruePeak,
        double outLoudness,
        double gainDelta,
        StagingState state,
        boolean intentional,
        String waiting,
        List<ChannelBar> inChannels,
        List<ChannelBar> outChannels) {
    public StageCell {
        inChannels = List.copyOf(inChannels);
        outChannels = List.copyOf(outChannels);
    }

    public static StageCell of(StageView s) {
        Levels in = s.hasInput() ? s.getInput() : Levels.getDefaultInstance();
        Levels out = s.hasOutput() ? s.getOutput() : Levels.getDefaultInstance();
        return new StageCell(
                s.getStageId(),
                s.getName(),
                s.getKind(),
                s.getActive(),
                in.hasSamplePeakDbfs() ? in.getSamplePeakDbfs() : Double.NaN,
                in.hasPeakHoldDbfs() ? in.getPeakHoldDbfs() : Double.NaN,
                out.hasSamplePeakDbfs() ? out.getSamplePeakDbfs() : Double.NaN,
                out.hasPeakHoldDbfs() ? out.getPeakHoldDbfs() : Double.NaN,
                out.hasTruePeakDbtp() ? out.getTruePeakDbtp() : Double.NaN,
                out.hasShortTermLufs() ? out.getShortTermLufs() : Double.NaN,
                s.hasGainDeltaDb() ? s.getGainDeltaDb() : Double.NaN,
                s.getState(),
                s.getIntentional(),
                s.getWaiting(),
                ChannelBar.of(in),
                ChannelBar.of(out));
    }

    /** A source is where the signal enters: it has no input meter. */
    public boolean hasInput() {
        return kind != StageKind.STAGE_KIND_SOURCE;
    }

    public boolean problem() {
        return state == StagingState.STAGING_STATE_HOT
                || state == StagingState.STAGING_STATE_CLIPPING
                || state == StagingState.STAGING_STATE_QUIET;
    }

    /** The numbers behind the bars, one line each, with their units: the tooltip. */
    public List<String> detail() {
        List<String> lines = new ArrayList<>();
        lines.add(name + (active ? "" : " (bypassed)") + (intentional ? " (intentional saturation)" : ""));
        if (hasInput()) {
            lines.add("in: peak " + Readout.db(inPeak) + " dBFS, hold " + Readout.db(inHold) + " dBFS");
        }
        lines.add("out: peak " + Readout.db(outPeak) + " dBFS, hold " + Readout.db(outHold) + " dBFS");
        for (int c = 0; c < outChannels.size(); c++) {
            ChannelBar bar = outChannels.get(c);
            lines.add("out " + ChannelBar.name(c, outChannels.size()) + ": peak " + Readout.db(bar.peak())
                    + " dBFS, hold " + Readout.db(bar.hold()) + " dBFS, true peak hold "
                    + Readout.db(bar.truePeakHold()) + " dBTP");
        }
        if (!Double.isNaN(outTruePeak)) {
            lines.add("out: true peak " + Readout.db(outTruePeak) + " dBTP");
        }
        if (!Double.isNaN(outLoudness)) {
            lines.add("out: short-term loudness " + Readout.db(outLoudness) + " LUFS");
        }
        if (!Double.isNaN(gainDelta)) {
            lines.add("in\u2192out loudness " + Readout.delta(gainDelta));
        }
        if (!waiting.isEmpty()) {
            lines.add(waiting);
        }
        return lines;
    }
}
