package dev.gainstage.engine.transport.protos;

import com.google.protobuf.ByteString;
import dev.gainstage.engine.checklist.Checklist;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.session.TapModes;
import dev.gainstage.proto.v1.MeterFigures;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.StageView;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one watcher's views keep from one view to the next: the parts of a view that only the graph decides (a
 * strip's and its stages' ids, names, kinds and meter figures) and the checklist as last sent, each as a message
 * whose text is already UTF-8. A view at every tick of 2048 strips otherwise built and encoded every name and every
 * checklist line again. A strip's part is found by the strip itself (strips are immutable: a renamed or rebuilt strip
 * is another object, so it gets a part of its own), the checklist's by equality. Not thread-safe: one watcher's
 * views are built on one thread.
 */
public final class ViewCache {
    /** The graph the strip parts are of; parts of strips no longer in the graph are dropped when it changes. */
    private SessionGraph graph;

    private Map<Strip, StripParts> strips = new IdentityHashMap<>();
    private Checklist checklist;
    private dev.gainstage.proto.v1.Checklist checklistProto;

    /** A strip's row and its stages' views as far as the graph decides them, in stage order. */
    record StripParts(OverviewRow row, List<StageView> stages) {}

    StripParts strip(SessionGraph current, Strip strip) {
        if (current != graph) {
            Map<Strip, StripParts> kept = new IdentityHashMap<>();
            for (Strip s : current.strips()) {
                StripParts p = strips.get(s);
                if (p != null) {
                    kept.put(s, p);
                }
            }
            strips = kept;
            graph = current;
        }
        return strips.computeIfAbsent(strip, ViewCache::parts);
    }

    /** {@code c} as a message: the one built for the last view when the checklist has not changed since. */
    dev.gainstage.proto.v1.Checklist checklist(
            Checklist c, Function<Checklist, dev.gainstage.proto.v1.Checklist> build) {
        if (!c.equals(checklist)) {
            checklistProto = build.apply(c);
            checklist = c;
        }
        return checklistProto;
    }

    private static StripParts parts(Strip strip) {
        OverviewRow.Builder row = OverviewRow.newBuilder()
                .setStripIdBytes(utf8(strip.id()))
                .setNameBytes(utf8(strip.name()))
                .setKind(GraphProtos.toProto(strip.kind()));
        for (String output : strip.outputs()) {
            row.addOutputsBytes(utf8(output));
        }
        List<StageView> stages =
                strip.stages().stream().map(stage -> stage(strip, stage)).toList();
        return new StripParts(row.build(), stages);
    }

    private static StageView stage(Strip strip, Stage stage) {
        StageView.Builder b = StageView.newBuilder()
                .setStageIdBytes(utf8(stage.id()))
                .setNameBytes(utf8(stage.name()))
                .setKind(GraphProtos.toProto(stage.kind()))
                .setActive(stage.active());
        if (stage.kind() != StageKind.SOURCE) {
            b.setInputFigures(figures(TapModes.of(strip, stage, TapPoint.INPUT)));
        }
        return b.setOutputFigures(figures(TapModes.of(strip, stage, TapPoint.OUTPUT)))
                .build();
    }

    static MeterFigures figures(MeterMode m) {
        return MeterFigures.newBuilder()
                .setTruePeak(m.truePeak())
                .setLoudness(m.loudness())
                .setLoudnessHistory(m.loudnessHistory())
                .build();
    }

    /** Text as protobuf writes a string field (unpaired surrogates become '?' either way). */
    static ByteString utf8(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
