package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Strip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One judgement, one colour: a source's level is judged as it leaves the trim, so both cells show it. */
class StagingStatesTest {
    private static Warning hot() {
        return new Warning(
                "SOURCE_TOO_HOT@vox/source",
                Rule.SOURCE_TOO_HOT,
                WarningState.RAISED,
                "vox",
                "Vox",
                "vox/source",
                "Source",
                -1.9,
                -6,
                "dBFS",
                "m",
                "s",
                List.of(),
                0,
                0,
                0,
                "",
                false,
                "",
                false,
                "");
    }

    @Test
    void aHotSourceColoursItsTrimCellToo() throws GraphException {
        SessionGraph graph = StagingRulesTest.graph(0);
        Strip vox = graph.strip("vox").orElseThrow();
        List<Warning> active = List.of(hot());
        assertEquals(
                StagingState.HOT,
                StagingStates.classify(vox, vox.stages().get(0), Readings.peak(-1.9), active),
                "the source's cell");
        assertEquals(
                StagingState.HOT,
                StagingStates.classify(vox, vox.stages().get(1), Readings.peak(-1.9), active),
                "the trim's cell, at the same -1.9 dBFS (green before)");
        assertEquals(
                StagingState.IN_RANGE,
                StagingStates.classify(vox, vox.stages().get(3), Readings.peak(-1.9), active),
                "the fader's cell: not what the warning judged");
    }
}
