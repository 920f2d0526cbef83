package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningTrackerTest {
    private final RuleConfig config = RuleConfig.defaults();
    private final WarningTracker tracker = new WarningTracker(config);

    static Observation hot(double peak) {
        return new Observation(
                Rule.SOURCE_TOO_HOT,
                "vox",
                "vox/source",
                peak,
                -6,
                Direction.ABOVE,
                "dBFS",
                peak > -6,
                "m",
                "s",
                List.of(new FixStep("vox/trim", -9 - peak)),
                1.0);
    }

    /** Feeds one observation per 100 ms tick from {@code from} for {@code seconds}; returns the events. */
    private List<Warning> run(
            SessionGraph g, double from, double seconds, java.util.function.DoubleUnaryOperator peakAt) {
        List<Warning> events = new ArrayList<>();
        for (double t = from; t < from + seconds - 1e-9; t += 0.1) {
            events.addAll(tracker.update(t, g, List.of(hot(peakAt.applyAsDouble(t)))));
        }
        return events;
    }

    static Observation clipping(double peak) {
        return new Observation(
                Rule.SOURCE_CLIPPING,
                "vox",
                "vox/source",
                peak,
                -0.1,
                Direction.ABOVE,
                "dBFS",
                peak >= -0.1,
                "m",
                "s",
                List.of(),
                1.0);
    }

    /** Tracks of two rules on one stage are kept apart: one ends (pending, then unobserved) while the other stays. */
    @Test
    void twoRulesOnOneStageAreTrackedApart() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        for (double t = 0; t < 0.35; t += 0.1) {
            tracker.update(t, g, List.of(hot(-3), clipping(-3)));
        }
        assertEquals(List.of("SOURCE_TOO_HOT@vox/source"), ids(tracker.active()));
        tracker.update(0.4, g, List.of(clipping(0)));
        tracker.update(0.5, g, List.of(hot(-3), clipping(0)));
        tracker.update(0.6, g, List.of(hot(-3), clipping(0)));
        // clipping breaks from 0.4 s and raises at 0.7 s; the hot warning, unobserved at 0.4 s, stays raised
        List<Warning> events = tracker.update(0.7, g, List.of(hot(-3), clipping(0)));
        assertEquals(List.of("SOURCE_CLIPPING@vox/source"), ids(events));
        assertEquals(
                List.of("SOURCE_CLIPPING@vox/source", "SOURCE_TOO_HOT@vox/source"),
                ids(tracker.active()).stream().sorted().toList());

        List<Warning> gone = tracker.update(0.8, StagingRulesTest.graph(0), List.of());
        assertEquals(List.of(), gone, "a stage still in the graph keeps its warnings while silent");
        assertEquals(2, tracker.active().size());
        List<Warning> removed = tracker.update(0.9, SessionGraph.EMPTY, List.of());
        assertEquals(List.of("SOURCE_CLIPPING@vox/source", "SOURCE_TOO_HOT@vox/source"), ids(removed));
        assertTrue(removed.stream().allMatch(w -> w.state() == WarningState.CLEARED));
        assertEquals(List.of(), tracker.active());
    }

    private static List<String> ids(List<Warning> warnings) {
        return warnings.stream().map(Warning::id).toList();
    }

    @Test
    void raisesOnlyAfterTheConditionHeld300ms() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        assertEquals(List.of(), tracker.update(0.0, g, List.of(hot(-3))));
        assertEquals(List.of(), tracker.update(0.1, g, List.of(hot(-3))));
        assertEquals(List.of(), tracker.update(0.2, g, List.of(hot(-3))));
        List<Warning> raised = tracker.update(0.3, g, List.of(hot(-3)));
        assertEquals(1, raised.size());
        assertEquals(WarningState.RAISED, raised.getFirst().state());
        assertEquals("Vox", raised.getFirst().stripName());
        assertEquals("Source", raised.getFirst().stageName());
        assertEquals(0.3, raised.getFirst().firstSeenSeconds(), 1e-9);
    }

    @Test
    void aBlipShorterThan300msRaisesNothing() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        List<Warning> events = run(g, 0, 5, t -> (t % 1.0) < 0.25 ? -3 : -12);
        assertEquals(List.of(), events);
    }

    @Test
    void aSignalOscillatingAroundTheThresholdRaisesOnceAndDoesNotFlicker() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        // Swings between -5.5 and -6.5 dBFS every 0.5 s for 20 s: above the threshold half the time,
        // never 1 dB below it, so once raised it must stay raised.
        List<Warning> events = run(g, 0, 20, t -> ((int) (t / 0.5)) % 2 == 0 ? -5.5 : -6.5);
        assertEquals(
                1, events.stream().filter(w -> w.state() == WarningState.RAISED).count(), events.toString());
        assertEquals(
                0,
                events.stream().filter(w -> w.state() == WarningState.CLEARED).count());
        assertEquals(1, tracker.active().size());
    }

    @Test
    void clearsOnlyAfterThreeSecondsOneDbInsideTheThreshold() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        run(g, 0, 1, t -> -3);
        assertEquals(1, tracker.active().size());
        // 5 s at -6.5: inside the threshold, but not by 1 dB: stays, marked clearing with the fix updated.
        assertEquals(List.of(), run(g, 1, 5, t -> -6.5));
        Warning clearing = tracker.active().getFirst();
        assertTrue(clearing.clearing());
        assertTrue(!clearing.fixable(), "a clearing warning's fix is done");
        assertEquals(-2.5, clearing.fix().getFirst().changeDb(), 1e-9, "the fix follows what is measured now");
        // From 6.0 s at -12 the clear timer runs: ticks up to 8.9 s are not enough ...
        assertEquals(List.of(), run(g, 6, 3.0, t -> -12));
        // ... the 3 s mark clears it.
        List<Warning> cleared = tracker.update(9.0, g, List.of(hot(-12)));
        assertEquals(1, cleared.size());
        assertEquals(WarningState.CLEARED, cleared.getFirst().state());
        assertEquals(-3.0, cleared.getFirst().peakMeasured(), 1e-9, "the worst value while raised");
        assertTrue(tracker.active().isEmpty());
    }

    @Test
    void updatesAreSentWhenTheMeasurementMovesHalfADb() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        run(g, 0, 0.4, t -> -3);
        List<Warning> small = tracker.update(0.4, g, List.of(hot(-2.8)));
        assertEquals(List.of(), small);
        List<Warning> big = tracker.update(0.5, g, List.of(hot(-2.4)));
        assertEquals(WarningState.UPDATED, big.getFirst().state());
        assertEquals(-2.4, big.getFirst().measured(), 1e-9);
    }

    @Test
    void aStageThatLeftTheGraphTakesItsWarningWithIt() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        run(g, 0, 1, t -> -3);
        List<Warning> events = tracker.update(1.0, SessionGraph.EMPTY, List.of());
        assertEquals(WarningState.CLEARED, events.getFirst().state());
        assertTrue(tracker.active().isEmpty());
    }

    @Test
    void silenceFreezesARaisedWarning() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        run(g, 0, 1, t -> -3);
        for (double t = 1; t < 10; t += 0.1) {
            assertEquals(List.of(), tracker.update(t, g, List.of()));
        }
        assertEquals(1, tracker.active().size());
    }
}
