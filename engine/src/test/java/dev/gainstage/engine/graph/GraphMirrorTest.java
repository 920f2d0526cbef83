package dev.gainstage.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphMirrorTest {
    private final GraphMirror mirror = new GraphMirror();

    static Stage stage(String id, StageKind kind) {
        return new Stage(id, kind, id, "", true, OptionalDouble.empty(), "");
    }

    static Strip track(String id, String... plugins) {
        List<Stage> stages = new java.util.ArrayList<>();
        stages.add(stage(id + "/source", StageKind.SOURCE));
        stages.add(stage(id + "/trim", StageKind.TRIM).withGainDb(0));
        for (String p : plugins) {
            stages.add(stage(id + "/" + p, StageKind.PLUGIN));
        }
        stages.add(stage(id + "/fader", StageKind.FADER).withGainDb(0));
        stages.add(stage(id + "/output", StageKind.OUTPUT));
        return new Strip(id, id, StripKind.AUDIO_TRACK, 2, stages, List.of("master"));
    }

    static Strip master() {
        return sum("master", "Master", StripKind.MASTER, List.of());
    }

    static Strip bus() {
        return sum("bus", "Bus", StripKind.BUS, List.of("master"));
    }

    /** A bus or the master: what feeds it, summed, then its output. */
    private static Strip sum(String id, String name, StripKind kind, List<String> outputs) {
        return new Strip(
                id,
                name,
                kind,
                2,
                List.of(stage(id + "/source", StageKind.SOURCE), stage(id + "/output", StageKind.OUTPUT)),
                outputs);
    }

    @BeforeEach
    void snapshot() throws GraphException {
        mirror.replace(10, List.of(track("vox", "eq", "comp"), master()));
    }

    @Test
    void feedersAreTheStripsWhoseOutputsOrSendsReachAStripInStripOrder() throws GraphException {
        Strip bus = bus();
        Strip keys = track("keys");
        List<Stage> withSend = new java.util.ArrayList<>(keys.stages());
        withSend.add(2, new Stage("keys/send", StageKind.SEND, "send", "", true, OptionalDouble.empty(), "bus"));
        Strip drums = new Strip(
                "drums", "drums", StripKind.AUDIO_TRACK, 2, track("drums").stages(), List.of("bus"));
        mirror.replace(20, List.of(track("vox"), keys.withStages(withSend), drums, bus, master()));

        SessionGraph g = mirror.graph();
        assertEquals(
                List.of("keys", "drums"),
                g.feeders("bus").stream().map(Strip::id).toList());
        assertEquals(
                List.of("vox", "keys", "bus"),
                g.feeders("master").stream().map(Strip::id).toList());
        assertEquals(List.of(), g.feeders("vox"));
        assertEquals(List.of(), g.feeders("no such strip"));

        mirror.apply(21, new GraphChange.StageRemoved("keys/send"));
        assertEquals(
                List.of("drums"),
                mirror.graph().feeders("bus").stream().map(Strip::id).toList());
    }

    @Test
    void snapshotThenDeltasApplyInOrder() throws GraphException {
        mirror.apply(11, new GraphChange.StripRenamed("vox", "Lead Vox"));
        mirror.apply(12, new GraphChange.StageMoved("vox/comp", 2));
        mirror.apply(13, new GraphChange.StageActiveChanged("vox/eq", false));
        mirror.apply(14, new GraphChange.GainChanged("vox/fader", -3.5));
        mirror.apply(15, new GraphChange.StripAdded(track("bass")));
        mirror.apply(16, new GraphChange.StageAdded("bass", stage("bass/sat", StageKind.PLUGIN), 2));
        mirror.apply(17, new GraphChange.StageRemoved("vox/eq"));

        SessionGraph g = mirror.graph();
        Strip vox = g.strip("vox").orElseThrow();
        assertEquals("Lead Vox", vox.name());
        assertEquals(
                List.of("vox/source", "vox/trim", "vox/comp", "vox/fader", "vox/output"),
                vox.stages().stream().map(Stage::id).toList());
        assertEquals(-3.5, vox.stage("vox/fader").orElseThrow().gainDb().getAsDouble());
        assertEquals("bass/sat", g.strip("bass").orElseThrow().stages().get(2).id());
        assertEquals(17, mirror.sequence());
        assertEquals(
                List.of("vox", "master", "bass"),
                g.strips().stream().map(Strip::id).toList());
    }

    @Test
    void aGapIsRefusedAndOnlyASnapshotResyncs() throws GraphException {
        SessionGraph before = mirror.graph();
        GraphException gap =
                assertThrows(GraphException.class, () -> mirror.apply(12, new GraphChange.StripRenamed("vox", "x")));
        assertEquals(GraphException.Reason.SEQUENCE_GAP, gap.reason());
        assertTrue(gap.getMessage().contains("expected 11"), gap.getMessage());
        assertTrue(gap.resyncRequired());
        assertSame(before, mirror.graph());
        // Even the "right" next delta is refused now: our copy is stale until a snapshot arrives.
        GraphException stale =
                assertThrows(GraphException.class, () -> mirror.apply(11, new GraphChange.StripRenamed("vox", "x")));
        assertEquals(GraphException.Reason.NO_SNAPSHOT, stale.reason());

        mirror.replace(30, List.of(track("vox"), master()));
        mirror.apply(31, new GraphChange.StripRenamed("vox", "Vox"));
        assertEquals("Vox", mirror.graph().strip("vox").orElseThrow().name());
    }

    @Test
    void anUnknownIdIsNamedAndNothingChanges() {
        SessionGraph before = mirror.graph();
        GraphException e = assertThrows(
                GraphException.class, () -> mirror.apply(11, new GraphChange.StageActiveChanged("vox/nope", false)));
        assertEquals(GraphException.Reason.UNKNOWN_ID, e.reason());
        assertTrue(e.getMessage().contains("'vox/nope'"), e.getMessage());
        assertSame(before, mirror.graph());
        assertEquals(10, mirror.sequence());
        assertFalse(mirror.hasSnapshot(), "an unknown id means the adapter's graph and ours differ");
    }

    @Test
    void aChangeThatWouldBreakTheGraphIsRefusedWhole() throws GraphException {
        Strip bus = bus();
        mirror.apply(11, new GraphChange.StripAdded(bus));
        SessionGraph before = mirror.graph();
        GraphException cycle = assertThrows(
                GraphException.class, () -> mirror.apply(12, new GraphChange.RoutingChanged("master", List.of("bus"))));
        assertTrue(cycle.getMessage().contains("routing cycle"), cycle.getMessage());
        assertSame(before, mirror.graph());

        GraphException dup = assertThrows(
                GraphException.class,
                () -> mirror.apply(12, new GraphChange.StageAdded("bus", stage("vox/eq", StageKind.PLUGIN), 1)));
        assertTrue(dup.getMessage().contains("duplicate stage id 'vox/eq'"), dup.getMessage());
        assertEquals(GraphException.Reason.INVALID, dup.reason());
        assertTrue(mirror.hasSnapshot(), "an invalid change does not desynchronize the mirror");
        assertSame(before, mirror.graph());
        mirror.apply(12, new GraphChange.StripRenamed("bus", "Drum Bus"));
        assertEquals("Drum Bus", mirror.graph().strip("bus").orElseThrow().name());
    }

    @Test
    void aSnapshotWithUnknownRoutingIsRefused() {
        Strip orphan = new Strip(
                "x", "x", StripKind.AUDIO_TRACK, 1, List.of(stage("x/source", StageKind.SOURCE)), List.of("nowhere"));
        GraphException e = assertThrows(GraphException.class, () -> mirror.replace(1, List.of(orphan)));
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
        assertEquals(10, mirror.sequence());
    }

    @Test
    void removingAStripRemovesRoutingToIt() throws GraphException {
        Strip bus = bus();
        mirror.apply(11, new GraphChange.StripAdded(bus));
        mirror.apply(12, new GraphChange.RoutingChanged("vox", List.of("bus")));
        mirror.apply(13, new GraphChange.StripRemoved("bus"));
        assertEquals(List.of(), mirror.graph().strip("vox").orElseThrow().outputs());
    }
}
