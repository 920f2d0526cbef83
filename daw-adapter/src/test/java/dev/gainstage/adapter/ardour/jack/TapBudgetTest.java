package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TapBudgetTest {
    private static final Fanout ONE = new Fanout(new int[] {1}, new float[] {1});

    @Test
    void withinTheBudgetEverySourceIsKeptAsWanted() {
        Map<List<String>, Fanout> wanted = Map.of(List.of("a/1", "a/2"), ONE, List.of("b/1"), ONE);
        TapBudget.Fit fit = TapBudget.fit(wanted, s -> 0, 3);
        assertSame(wanted, fit.kept());
        assertTrue(fit.complete());
        assertSame(wanted, TapBudget.fit(wanted, s -> 0, 0).kept(), "0 is no limit");
    }

    @Test
    void overTheBudgetTheBestRankedAreKeptInTheWantedOrderAndTheRestCounted() {
        Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
        wanted.put(List.of("vox-eq-in/1", "vox-eq-in/2"), ONE); // rank 3: a plugin input
        wanted.put(List.of("vox-eq-out/1", "vox-eq-out/2"), ONE); // rank 1: a plugin output
        wanted.put(List.of("master/1", "master/2"), ONE); // rank 0
        wanted.put(List.of("kick/1"), ONE); // rank 2: a mono source
        Map<List<String>, Integer> rank = Map.of(
                List.of("vox-eq-in/1", "vox-eq-in/2"),
                3,
                List.of("vox-eq-out/1", "vox-eq-out/2"),
                1,
                List.of("master/1", "master/2"),
                0,
                List.of("kick/1"),
                2);
        TapBudget.Fit fit = TapBudget.fit(wanted, rank::get, 5);
        assertEquals(
                List.of(List.of("vox-eq-out/1", "vox-eq-out/2"), List.of("master/1", "master/2"), List.of("kick/1")),
                List.copyOf(fit.kept().keySet()));
        assertEquals(1, fit.sourcesLeftOut());
        assertEquals(2, fit.channelsLeftOut());
        assertEquals(5, fit.budget());
    }

    @Test
    void aStereoSourceThatDoesNotFitLeavesRoomForALowerRankedMonoOne() {
        Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
        wanted.put(List.of("bus/1", "bus/2"), ONE);
        wanted.put(List.of("keys/1", "keys/2"), ONE);
        wanted.put(List.of("hat/1"), ONE);
        Map<List<String>, Integer> rank =
                Map.of(List.of("bus/1", "bus/2"), 1, List.of("keys/1", "keys/2"), 2, List.of("hat/1"), 3);
        TapBudget.Fit fit = TapBudget.fit(wanted, rank::get, 3);
        assertEquals(
                List.of(List.of("bus/1", "bus/2"), List.of("hat/1")),
                List.copyOf(fit.kept().keySet()));
    }
}
