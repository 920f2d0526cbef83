package dev.gainstage.engine.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sidecar's copy of a DAW session's graph. A snapshot replaces it; each change must carry the
 * next sequence number. A change is applied to a copy that is validated whole before it replaces
 * the current graph, so a refused change leaves the mirror exactly as it was. After a gap or an
 * unknown id the mirror waits for a new snapshot and refuses changes until then.
 *
 * <p>Not thread-safe: one thread (the adapter stream's) applies changes; others read {@link #graph()},
 * which is an immutable value.
 */
public final class GraphMirror {
    private volatile SessionGraph graph = SessionGraph.EMPTY;
    private long sequence;
    private boolean hasSnapshot;

    public SessionGraph graph() {
        return graph;
    }

    public long sequence() {
        return sequence;
    }

    public boolean hasSnapshot() {
        return hasSnapshot;
    }

    public void replace(long snapshotSequence, Collection<Strip> strips) throws GraphException {
        SessionGraph next = SessionGraph.of(strips);
        graph = next;
        sequence = snapshotSequence;
        hasSnapshot = true;
    }

    public void apply(long changeSequence, GraphChange change) throws GraphException {
        if (!hasSnapshot) {
            throw new GraphException(
                    GraphException.Reason.NO_SNAPSHOT,
                    "sequence",
                    "delta " + changeSequence + " arrived before a snapshot (send a snapshot first)");
        }
        if (changeSequence != sequence + 1) {
            hasSnapshot = false; // our copy can no longer be trusted; only a snapshot restores it
            throw new GraphException(
                    GraphException.Reason.SEQUENCE_GAP,
                    "sequence",
                    "delta " + changeSequence + " does not follow " + sequence + " (expected " + (sequence + 1) + ")");
        }
        SessionGraph next;
        try {
            next = SessionGraph.of(applyTo(graph, change));
        } catch (GraphException e) {
            if (e.resyncRequired()) {
                hasSnapshot = false;
            }
            throw new GraphException(e.reason(), e.field(), "delta " + changeSequence + ": " + e.getMessage());
        }
        graph = next;
        sequence = changeSequence;
    }

    private static List<Strip> applyTo(SessionGraph graph, GraphChange change) throws GraphException {
        Map<String, Strip> strips = new LinkedHashMap<>();
        for (Strip s : graph.strips()) {
            strips.put(s.id(), s);
        }
        switch (change) {
            case GraphChange.StripAdded c -> {
                if (strips.containsKey(c.strip().id())) {
                    throw new GraphException(
                            GraphException.Reason.INVALID,
                            "strip_added.strip.id",
                            "strip '" + c.strip().id() + "' already exists");
                }
                strips.put(c.strip().id(), c.strip());
            }
            case GraphChange.StripRemoved c -> {
                requireStrip(strips, c.stripId());
                strips.remove(c.stripId());
                // Routing to a removed strip goes with it, as a DAW disconnects it.
                strips.replaceAll((id, s) -> s.outputs().contains(c.stripId())
                        ? s.withOutputs(s.outputs().stream()
                                .filter(o -> !o.equals(c.stripId()))
                                .toList())
                        : s);
            }
            case GraphChange.StripRenamed c ->
                strips.put(c.stripId(), requireStrip(strips, c.stripId()).withName(c.name()));
            case GraphChange.StageAdded c -> {
                Strip strip = requireStrip(strips, c.stripId());
                if (c.index() < 0 || c.index() > strip.stages().size()) {
                    throw new GraphException(
                            GraphException.Reason.INVALID,
                            "stage_added.index",
                            "index " + c.index() + " is outside strip '" + strip.id() + "' (0.."
                                    + strip.stages().size() + ")");
                }
                List<Stage> stages = new ArrayList<>(strip.stages());
                stages.add(c.index(), c.stage());
                strips.put(strip.id(), strip.withStages(stages));
            }
            case GraphChange.StageRemoved c -> {
                Strip strip = requireStripOfStage(graph, c.stageId());
                List<Stage> stages = new ArrayList<>(strip.stages());
                stages.remove(strip.indexOf(c.stageId()));
                strips.put(strip.id(), strip.withStages(stages));
            }
            case GraphChange.StageMoved c -> {
                Strip strip = requireStripOfStage(graph, c.stageId());
                List<Stage> stages = new ArrayList<>(strip.stages());
                Stage moved = stages.remove(strip.indexOf(c.stageId()));
                if (c.index() < 0 || c.index() > stages.size()) {
                    throw new GraphException(
                            GraphException.Reason.INVALID,
                            "stage_moved.index",
                            "index " + c.index() + " is outside strip '" + strip.id() + "' (0.." + stages.size() + ")");
                }
                stages.add(c.index(), moved);
                strips.put(strip.id(), strip.withStages(stages));
            }
            case GraphChange.StageActiveChanged c -> replaceStage(strips, graph, c.stageId(), true, c.active(), 0);
            case GraphChange.GainChanged c -> replaceStage(strips, graph, c.stageId(), false, false, c.gainDb());
            case GraphChange.RoutingChanged c ->
                strips.put(c.stripId(), requireStrip(strips, c.stripId()).withOutputs(c.outputs()));
        }
        return new ArrayList<>(strips.values());
    }

    private static void replaceStage(
            Map<String, Strip> strips,
            SessionGraph graph,
            String stageId,
            boolean activeChange,
            boolean active,
            double gainDb)
            throws GraphException {
        Strip strip = requireStripOfStage(graph, stageId);
        List<Stage> stages = new ArrayList<>(strip.stages());
        int index = strip.indexOf(stageId);
        Stage stage = stages.get(index);
        if (!activeChange && !Double.isFinite(gainDb)) {
            throw new GraphException(
                    GraphException.Reason.INVALID,
                    "gain_changed.gain_db",
                    "gain of stage '" + stageId + "' is not a finite number");
        }
        stages.set(index, activeChange ? stage.withActive(active) : stage.withGainDb(gainDb));
        strips.put(strip.id(), strip.withStages(stages));
    }

    private static Strip requireStrip(Map<String, Strip> strips, String stripId) throws GraphException {
        Strip strip = strips.get(stripId);
        if (strip == null) {
            throw new GraphException(
                    GraphException.Reason.UNKNOWN_ID, "strip_id", "unknown strip id '" + stripId + "'");
        }
        return strip;
    }

    private static Strip requireStripOfStage(SessionGraph graph, String stageId) throws GraphException {
        return graph.stripOfStage(stageId)
                .orElseThrow(() -> new GraphException(
                        GraphException.Reason.UNKNOWN_ID, "stage_id", "unknown stage id '" + stageId + "'"));
    }
}
