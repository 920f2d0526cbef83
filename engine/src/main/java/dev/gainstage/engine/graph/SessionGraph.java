package dev.gainstage.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated session graph: strips in the adapter's order, unique strip and stage ids,
 * routing that points at existing strips and has no cycles. Build one with {@link #of}.
 */
public final class SessionGraph {
    public static final SessionGraph EMPTY = new SessionGraph(Map.of(), Map.of(), Map.of());
    static final int MAX_CHANNELS = 8;

    private final Map<String, Strip> strips; // insertion-ordered
    private final Map<String, String> stripOfStage; // stage id -> strip id
    /**
     * Strip id -> the strips feeding it, in strip order; only strips something feeds have an entry. Found once per
     * graph: the rules and the root causes ask for every hot stage at every tick, and a scan of the whole graph
     * per question made a tick of 2048 strips quadratic.
     */
    private final Map<String, List<Strip>> feedersOf;

    private SessionGraph(
            Map<String, Strip> strips, Map<String, String> stripOfStage, Map<String, List<Strip>> feedersOf) {
        this.strips = strips;
        this.stripOfStage = stripOfStage;
        this.feedersOf = feedersOf;
    }

    /** Validates and builds; the message of the exception names the offending id. */
    public static SessionGraph of(Collection<Strip> stripList) throws GraphException {
        Map<String, Strip> strips = new LinkedHashMap<>();
        Map<String, String> stripOfStage = new HashMap<>();
        int i = 0;
        for (Strip strip : stripList) {
            String field = "strips[" + i + "]";
            if (strip.id().isBlank()) {
                throw new GraphException(GraphException.Reason.INVALID, field + ".id", field + ": strip id is empty");
            }
            if (strips.putIfAbsent(strip.id(), strip) != null) {
                throw new GraphException(
                        GraphException.Reason.INVALID, field + ".id", "duplicate strip id '" + strip.id() + "'");
            }
            if (strip.channels() < 1 || strip.channels() > MAX_CHANNELS) {
                throw new GraphException(
                        GraphException.Reason.INVALID,
                        field + ".channels",
                        "strip '" + strip.id() + "' has " + strip.channels() + " channels (1.." + MAX_CHANNELS + ")");
            }
            for (int s = 0; s < strip.stages().size(); s++) {
                Stage stage = strip.stages().get(s);
                if (stage.id().isBlank()) {
                    throw new GraphException(
                            GraphException.Reason.INVALID,
                            field + ".stages[" + s + "].id",
                            "strip '" + strip.id() + "' has a stage with an empty id");
                }
                String previous = stripOfStage.putIfAbsent(stage.id(), strip.id());
                if (previous != null) {
                    throw new GraphException(
                            GraphException.Reason.INVALID,
                            field + ".stages[" + s + "].id",
                            "duplicate stage id '" + stage.id() + "' (in strips '" + previous + "' and '" + strip.id()
                                    + "')");
                }
            }
            i++;
        }
        Map<String, List<Strip>> feedersOf = new HashMap<>();
        for (Strip strip : strips.values()) {
            for (String target : feeds(strip)) {
                if (!strips.containsKey(target)) {
                    throw new GraphException(
                            GraphException.Reason.UNKNOWN_ID,
                            "outputs",
                            "strip '" + strip.id() + "' feeds unknown strip '" + target + "'");
                }
                feedersOf.computeIfAbsent(target, k -> new ArrayList<>()).add(strip);
            }
        }
        rejectCycles(strips);
        feedersOf.replaceAll((k, v) -> List.copyOf(v));
        return new SessionGraph(Collections.unmodifiableMap(strips), Map.copyOf(stripOfStage), Map.copyOf(feedersOf));
    }

    /** Everything a strip feeds: its outputs and its sends' targets. */
    private static Set<String> feeds(Strip strip) {
        Set<String> targets = new HashSet<>(strip.outputs());
        for (Stage stage : strip.stages()) {
            if (stage.kind() == StageKind.SEND && !stage.sendTarget().isEmpty()) {
                targets.add(stage.sendTarget());
            }
        }
        return targets;
    }

    private static void rejectCycles(Map<String, Strip> strips) throws GraphException {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String start : strips.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            if (visit(start, strips, state, path)) {
                List<String> cycle = new ArrayList<>(path);
                Collections.reverse(cycle);
                throw new GraphException(
                        GraphException.Reason.INVALID, "outputs", "routing cycle: " + String.join(" -> ", cycle));
            }
        }
    }

    private static boolean visit(String id, Map<String, Strip> strips, Map<String, Integer> state, Deque<String> path) {
        state.put(id, 1);
        path.push(id);
        for (String next : feeds(strips.get(id))) {
            Integer s = state.get(next);
            if (s != null && s == 1) {
                path.push(next);
                return true;
            }
            if (s == null && visit(next, strips, state, path)) {
                return true;
            }
        }
        path.pop();
        state.put(id, 2);
        return false;
    }

    public Collection<Strip> strips() {
        return strips.values();
    }

    public Optional<Strip> strip(String stripId) {
        return Optional.ofNullable(strips.get(stripId));
    }

    public Optional<Strip> stripOfStage(String stageId) {
        String stripId = stripOfStage.get(stageId);
        return stripId == null ? Optional.empty() : Optional.of(strips.get(stripId));
    }

    public Optional<Stage> stage(String stageId) {
        return stripOfStage(stageId).flatMap(s -> s.stage(stageId));
    }

    /** Strips whose output or sends feed {@code stripId}. */
    public List<Strip> feeders(String stripId) {
        return feedersOf.getOrDefault(stripId, List.of());
    }

    /** Every tap point of the graph: a source's output, and every other stage's input and output. */
    public List<TapKey> tapKeys() {
        List<TapKey> keys = new ArrayList<>();
        for (Strip strip : strips.values()) {
            for (Stage stage : strip.stages()) {
                if (stage.kind() != StageKind.SOURCE) {
                    keys.add(new TapKey(stage.id(), TapPoint.INPUT));
                }
                keys.add(new TapKey(stage.id(), TapPoint.OUTPUT));
            }
        }
        return keys;
    }

    public int size() {
        return strips.size();
    }
}
