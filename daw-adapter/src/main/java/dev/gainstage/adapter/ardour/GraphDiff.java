package dev.gainstage.adapter.ardour;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.Strip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The changes that turn one graph into another, in an order the sidecar's mirror accepts one by one:
 * removals first, then renames, stage removals, moves and additions per strip, activity and gain changes,
 * new strips (routed only to strips that exist by then), and last the routing. A change the deltas cannot
 * express (a strip's kind or channel count, a stage's kind, name or plugin) needs a new snapshot.
 */
public final class GraphDiff {
    /** Gains closer than this are the same (Ardour's controls round-trip through float). */
    static final double GAIN_EPSILON_DB = 0.005;

    private GraphDiff() {}

    /** @return the events, or {@code null} when only a snapshot can express the change */
    public static List<GraphEvent> between(List<Strip> before, List<Strip> after) {
        Map<String, Strip> old = index(before);
        Map<String, Strip> now = index(after);
        List<GraphEvent> events = new ArrayList<>();
        for (String id : old.keySet()) {
            if (!now.containsKey(id)) {
                events.add(new GraphEvent.StripRemovedEvent(id));
            }
        }
        for (Strip n : after) {
            Strip o = old.get(n.getId());
            if (o == null) {
                continue;
            }
            if (o.getKind() != n.getKind() || o.getChannels() != n.getChannels()) {
                return null;
            }
            if (!o.getName().equals(n.getName())) {
                events.add(new GraphEvent.StripRenamedEvent(n.getId(), n.getName()));
            }
            if (!stages(o, n, events)) {
                return null;
            }
        }
        Set<String> present = old.keySet().stream().filter(now::containsKey).collect(Collectors.toSet());
        Map<String, List<String>> routedWhenAdded = new LinkedHashMap<>();
        for (Strip n : after) {
            if (!old.containsKey(n.getId())) {
                List<String> outputs =
                        n.getOutputsList().stream().filter(present::contains).toList();
                events.add(new GraphEvent.StripAddedEvent(
                        n.toBuilder().clearOutputs().addAllOutputs(outputs).build()));
                routedWhenAdded.put(n.getId(), outputs);
                present.add(n.getId());
            }
        }
        for (Strip n : after) {
            Strip o = old.get(n.getId());
            List<String> was = o == null ? routedWhenAdded.get(n.getId()) : o.getOutputsList();
            if (!Set.copyOf(was).equals(Set.copyOf(n.getOutputsList()))) {
                events.add(new GraphEvent.RoutingChangedEvent(n.getId(), n.getOutputsList()));
            }
        }
        return events;
    }

    private static boolean stages(Strip o, Strip n, List<GraphEvent> events) {
        Map<String, Stage> oldStages = new LinkedHashMap<>();
        o.getStagesList().forEach(s -> oldStages.put(s.getId(), s));
        Map<String, Stage> newStages = new LinkedHashMap<>();
        n.getStagesList().forEach(s -> newStages.put(s.getId(), s));
        List<String> current = new ArrayList<>();
        for (Stage s : o.getStagesList()) {
            if (newStages.containsKey(s.getId())) {
                current.add(s.getId());
            } else {
                events.add(new GraphEvent.StageRemovedEvent(s.getId()));
            }
        }
        List<Stage> wanted = n.getStagesList();
        for (int i = 0; i < wanted.size(); i++) {
            Stage w = wanted.get(i);
            if (i < current.size() && current.get(i).equals(w.getId())) {
                continue;
            }
            if (current.contains(w.getId())) {
                current.remove(w.getId());
                current.add(i, w.getId());
                events.add(new GraphEvent.StageMovedEvent(w.getId(), i));
            } else {
                current.add(i, w.getId());
                events.add(new GraphEvent.StageAddedEvent(n.getId(), w, i));
            }
        }
        for (Stage w : wanted) {
            Stage was = oldStages.get(w.getId());
            if (was == null) {
                continue;
            }
            if (was.getKind() != w.getKind()
                    || !was.getName().equals(w.getName())
                    || !was.getPluginUri().equals(w.getPluginUri())
                    || !Objects.equals(was.getSendTarget(), w.getSendTarget())
                    || was.hasGainDb() != w.hasGainDb()) {
                return false;
            }
            if (was.getActive() != w.getActive()) {
                events.add(new GraphEvent.StageActiveChangedEvent(w.getId(), w.getActive()));
            }
            if (w.hasGainDb() && Math.abs(was.getGainDb() - w.getGainDb()) > GAIN_EPSILON_DB) {
                events.add(new GraphEvent.GainChangedEvent(w.getId(), w.getGainDb()));
            }
        }
        return true;
    }

    private static Map<String, Strip> index(List<Strip> strips) {
        Map<String, Strip> m = new LinkedHashMap<>();
        strips.forEach(s -> m.put(s.getId(), s));
        return m;
    }
}
