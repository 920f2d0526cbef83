package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.graph.GraphChange;
import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.PluginClass;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.proto.v1.SessionDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Translates the graph between the protocol and the engine's domain types, refusing what has no meaning. */
public final class GraphProtos {
    private GraphProtos() {}

    public static List<Strip> strips(List<dev.gainstage.proto.v1.Strip> protos, String field) throws GraphException {
        List<Strip> out = new ArrayList<>(protos.size());
        for (int i = 0; i < protos.size(); i++) {
            out.add(strip(protos.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    public static Strip strip(dev.gainstage.proto.v1.Strip p, String field) throws GraphException {
        List<Stage> stages = new ArrayList<>(p.getStagesCount());
        for (int i = 0; i < p.getStagesCount(); i++) {
            stages.add(stage(p.getStages(i), field + ".stages[" + i + "]"));
        }
        return new Strip(
                p.getId(),
                p.getName(),
                stripKind(p.getKind(), field + ".kind"),
                p.getChannels(),
                stages,
                p.getOutputsList());
    }

    public static Stage stage(dev.gainstage.proto.v1.Stage p, String field) throws GraphException {
        if (p.hasGainDb() && !Double.isFinite(p.getGainDb())) {
            throw invalid(field + ".gain_db", field + ".gain_db is not a finite number");
        }
        return new Stage(
                p.getId(),
                stageKind(p.getKind(), field + ".kind"),
                p.getName(),
                p.getPluginUri(),
                p.getActive(),
                p.hasGainDb() ? OptionalDouble.of(p.getGainDb()) : OptionalDouble.empty(),
                p.getSendTarget(),
                pluginClass(p.getPluginClass()),
                p.getPluginCategory());
    }

    /** An unknown or future class reads as not reported, the cautious reading; it is no reason to refuse a graph. */
    static PluginClass pluginClass(dev.gainstage.proto.v1.PluginClass c) {
        return switch (c) {
            case PLUGIN_CLASS_EQ -> PluginClass.EQ;
            case PLUGIN_CLASS_DYNAMICS -> PluginClass.DYNAMICS;
            case PLUGIN_CLASS_SATURATION -> PluginClass.SATURATION;
            case PLUGIN_CLASS_FILTER -> PluginClass.FILTER;
            case PLUGIN_CLASS_TIME -> PluginClass.TIME;
            case PLUGIN_CLASS_MODULATION -> PluginClass.MODULATION;
            case PLUGIN_CLASS_UTILITY -> PluginClass.UTILITY;
            case PLUGIN_CLASS_INSTRUMENT -> PluginClass.INSTRUMENT;
            case PLUGIN_CLASS_OTHER -> PluginClass.OTHER;
            case PLUGIN_CLASS_UNSPECIFIED, UNRECOGNIZED -> PluginClass.UNKNOWN;
        };
    }

    public static GraphChange change(SessionDelta d) throws GraphException {
        return switch (d.getChangeCase()) {
            case STRIP_ADDED ->
                new GraphChange.StripAdded(strip(d.getStripAdded().getStrip(), "strip_added.strip"));
            case STRIP_REMOVED ->
                new GraphChange.StripRemoved(d.getStripRemoved().getStripId());
            case STRIP_RENAMED ->
                new GraphChange.StripRenamed(
                        d.getStripRenamed().getStripId(), d.getStripRenamed().getName());
            case STAGE_ADDED ->
                new GraphChange.StageAdded(
                        d.getStageAdded().getStripId(),
                        stage(d.getStageAdded().getStage(), "stage_added.stage"),
                        d.getStageAdded().getIndex());
            case STAGE_REMOVED ->
                new GraphChange.StageRemoved(d.getStageRemoved().getStageId());
            case STAGE_MOVED ->
                new GraphChange.StageMoved(
                        d.getStageMoved().getStageId(), d.getStageMoved().getIndex());
            case STAGE_ACTIVE_CHANGED ->
                new GraphChange.StageActiveChanged(
                        d.getStageActiveChanged().getStageId(),
                        d.getStageActiveChanged().getActive());
            case ROUTING_CHANGED ->
                new GraphChange.RoutingChanged(
                        d.getRoutingChanged().getStripId(),
                        d.getRoutingChanged().getOutputsList());
            case GAIN_CHANGED ->
                new GraphChange.GainChanged(
                        d.getGainChanged().getStageId(), d.getGainChanged().getGainDb());
            case CHANGE_NOT_SET -> throw invalid("change", "delta " + d.getSequence() + " carries no change");
        };
    }

    public static StripKind stripKind(dev.gainstage.proto.v1.StripKind k, String field) throws GraphException {
        return switch (k) {
            case STRIP_KIND_AUDIO_TRACK -> StripKind.AUDIO_TRACK;
            case STRIP_KIND_MIDI_TRACK -> StripKind.MIDI_TRACK;
            case STRIP_KIND_BUS -> StripKind.BUS;
            case STRIP_KIND_MASTER -> StripKind.MASTER;
            case STRIP_KIND_MONITOR -> StripKind.MONITOR;
            default -> throw invalid(field, field + " is " + k + ": a strip needs a kind");
        };
    }

    public static StageKind stageKind(dev.gainstage.proto.v1.StageKind k, String field) throws GraphException {
        return switch (k) {
            case STAGE_KIND_SOURCE -> StageKind.SOURCE;
            case STAGE_KIND_TRIM -> StageKind.TRIM;
            case STAGE_KIND_PLUGIN -> StageKind.PLUGIN;
            case STAGE_KIND_SEND -> StageKind.SEND;
            case STAGE_KIND_FADER -> StageKind.FADER;
            case STAGE_KIND_OUTPUT -> StageKind.OUTPUT;
            default -> throw invalid(field, field + " is " + k + ": a stage needs a kind");
        };
    }

    public static dev.gainstage.proto.v1.StripKind toProto(StripKind k) {
        return switch (k) {
            case AUDIO_TRACK -> dev.gainstage.proto.v1.StripKind.STRIP_KIND_AUDIO_TRACK;
            case MIDI_TRACK -> dev.gainstage.proto.v1.StripKind.STRIP_KIND_MIDI_TRACK;
            case BUS -> dev.gainstage.proto.v1.StripKind.STRIP_KIND_BUS;
            case MASTER -> dev.gainstage.proto.v1.StripKind.STRIP_KIND_MASTER;
            case MONITOR -> dev.gainstage.proto.v1.StripKind.STRIP_KIND_MONITOR;
        };
    }

    public static dev.gainstage.proto.v1.StageKind toProto(StageKind k) {
        return switch (k) {
            case SOURCE -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_SOURCE;
            case TRIM -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_TRIM;
            case PLUGIN -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_PLUGIN;
            case SEND -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_SEND;
            case FADER -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_FADER;
            case OUTPUT -> dev.gainstage.proto.v1.StageKind.STAGE_KIND_OUTPUT;
        };
    }

    public static dev.gainstage.proto.v1.TapPoint toProto(TapPoint p) {
        return p == TapPoint.INPUT
                ? dev.gainstage.proto.v1.TapPoint.TAP_POINT_INPUT
                : dev.gainstage.proto.v1.TapPoint.TAP_POINT_OUTPUT;
    }

    private static GraphException invalid(String field, String message) {
        return new GraphException(GraphException.Reason.INVALID, field, message);
    }
}
