package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gainstage.proto.v1.SessionDelta;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The deltas between two graphs, replayed through the sidecar's own mirror, give the second graph: the order
 * of the events is one the mirror accepts, and nothing is lost.
 */
class GraphDiffTest {
    @Test
    void replayingTheEventsGivesTheNewGraph() throws Exception {
        List<Strip> before = List.of(
                strip("1", "Vox", List.of("9"), "t", "a", "b", "f", "o"),
                strip("2", "Gtr", List.of("9"), "t", "f", "o"),
                strip("9", "Bus", List.of(), "t", "f", "o"));
        List<Strip> after = List.of(
                strip("1", "Lead Vox", List.of("3"), "t", "b", "n", "a", "f", "o"), // renamed, moved, added, rerouted
                strip("3", "Verb", List.of("9"), "t", "f", "o"), // new, feeding the old bus
                strip("9", "Bus", List.of(), "t", "f", "o")); // Gtr removed
        List<GraphEvent> events = GraphDiff.between(before, after);
        assertEquals(byId(MirrorReplay.mirrorOf(after)), replay(before, events));
    }

    @Test
    void activityAndGainChangesAreEvents() throws Exception {
        Strip a = strip("1", "Vox", List.of(), "t", "p", "f", "o");
        Strip b = a.toBuilder()
                .setStages(2, a.getStages(2).toBuilder().setActive(false))
                .setStages(3, a.getStages(3).toBuilder().setGainDb(-3))
                .build();
        List<GraphEvent> events = GraphDiff.between(List.of(a), List.of(b));
        assertEquals(
                List.of(
                        new GraphEvent.StageActiveChangedEvent("r1/pp", false),
                        new GraphEvent.GainChangedEvent("r1/pf", -3)),
                events);
        assertEquals(
                List.of(),
                GraphDiff.between(
                        List.of(b),
                        List.of(b.toBuilder()
                                .setStages(3, b.getStages(3).toBuilder().setGainDb(-3.001))
                                .build())),
                "float noise is no change");
    }

    @Test
    void changesDeltasCannotExpressNeedASnapshot() {
        Strip a = strip("1", "Vox", List.of(), "t", "f", "o");
        assertNull(GraphDiff.between(
                List.of(a), List.of(a.toBuilder().setChannels(2).build())));
        assertNull(GraphDiff.between(
                List.of(a),
                List.of(a.toBuilder()
                        .setStages(1, a.getStages(1).toBuilder().setName("Other"))
                        .build())));
    }

    @Test
    void randomEditsReplayExactly() throws Exception {
        Random random = new Random(42);
        List<Strip> graph = List.of(strip("1", "A", List.of(), "t", "f", "o"));
        for (int round = 0; round < 300; round++) {
            List<Strip> next = mutate(graph, random);
            List<GraphEvent> events = GraphDiff.between(graph, next);
            assertEquals(byId(MirrorReplay.mirrorOf(next)), replay(graph, events), "round " + round);
            graph = next;
        }
    }

    private static List<Strip> mutate(List<Strip> graph, Random random) {
        List<Strip> out = new ArrayList<>();
        for (Strip s : graph) {
            if (graph.size() > 1 && random.nextInt(10) == 0) {
                continue; // removed
            }
            List<Stage> stages = new ArrayList<>(s.getStagesList());
            int plugins = stages.size() - 4;
            if (random.nextBoolean()) {
                stages.add(
                        2 + random.nextInt(plugins + 1),
                        stage(s.getId(), "x" + random.nextInt(1_000_000), StageKind.STAGE_KIND_PLUGIN));
            }
            if (plugins > 0 && random.nextBoolean()) {
                stages.remove(2 + random.nextInt(plugins));
            }
            plugins = stages.size() - 4;
            if (plugins > 1 && random.nextBoolean()) {
                Stage moved = stages.remove(2 + random.nextInt(plugins));
                stages.add(2 + random.nextInt(plugins), moved);
            }
            if (plugins > 0 && random.nextBoolean()) {
                int i = 2 + random.nextInt(plugins);
                stages.set(
                        i,
                        stages.get(i).toBuilder()
                                .setActive(!stages.get(i).getActive())
                                .build());
            }
            out.add(s.toBuilder()
                    .clearStages()
                    .addAllStages(stages)
                    .setName(random.nextInt(8) == 0 ? s.getName() + "'" : s.getName())
                    .clearOutputs()
                    .build());
        }
        if (random.nextInt(3) == 0) {
            out.add(strip(Integer.toString(100 + random.nextInt(1000)), "N", List.of(), "t", "f", "o"));
        }
        out = new ArrayList<>(out.stream()
                .collect(java.util.stream.Collectors.toMap(
                        Strip::getId, x -> x, (x, y) -> x, java.util.LinkedHashMap::new))
                .values());
        // route each strip to one later strip, so there are no cycles
        for (int i = 0; i + 1 < out.size(); i++) {
            if (random.nextBoolean()) {
                String target =
                        out.get(i + 1 + random.nextInt(out.size() - i - 1)).getId();
                out.set(i, out.get(i).toBuilder().addOutputs(target).build());
            }
        }
        return out;
    }

    private static List<dev.gainstage.engine.graph.Strip> replay(List<Strip> before, List<GraphEvent> events)
            throws Exception {
        List<SessionDelta> deltas = new ArrayList<>();
        long seq = 1;
        for (GraphEvent e : events) {
            deltas.add(e.toDelta(++seq));
        }
        return byId(MirrorReplay.replay(before, deltas));
    }

    /** Deltas cannot order strips (a new strip is appended): compare the graphs, not the order. */
    private static List<dev.gainstage.engine.graph.Strip> byId(List<dev.gainstage.engine.graph.Strip> strips) {
        return strips.stream()
                .sorted(java.util.Comparator.comparing(dev.gainstage.engine.graph.Strip::id))
                .toList();
    }

    static Strip strip(String id, String name, List<String> outputs, String... stages) {
        Strip.Builder b = Strip.newBuilder()
                .setId("r" + id)
                .setName(name)
                .setKind(StripKind.STRIP_KIND_AUDIO_TRACK)
                .setChannels(1)
                .addAllOutputs(outputs.stream().map(o -> "r" + o).toList());
        b.addStages(Stage.newBuilder()
                .setId("r" + id + "/source")
                .setKind(StageKind.STAGE_KIND_SOURCE)
                .setName("Source")
                .setActive(true));
        for (String s : stages) {
            StageKind kind = switch (s) {
                case "t" -> StageKind.STAGE_KIND_TRIM;
                case "f" -> StageKind.STAGE_KIND_FADER;
                case "o" -> StageKind.STAGE_KIND_OUTPUT;
                default -> StageKind.STAGE_KIND_PLUGIN;
            };
            b.addStages(stage("r" + id, s, kind));
        }
        return b.build();
    }

    private static Stage stage(String stripId, String id, StageKind kind) {
        Stage.Builder s = Stage.newBuilder()
                .setId(stripId + "/p" + id)
                .setKind(kind)
                .setName(id)
                .setActive(true);
        if (kind == StageKind.STAGE_KIND_TRIM || kind == StageKind.STAGE_KIND_FADER) {
            s.setGainDb(0);
        }
        return s.build();
    }
}
