package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootCausesTest {
    static Warning w(Rule rule, String strip, String stage, double measured) {
        return new Warning(
                WarningIds.of(rule, stage),
                rule,
                WarningState.RAISED,
                strip,
                strip,
                stage,
                stage,
                measured,
                0,
                "dBFS",
                "",
                "",
                List.of(),
                0,
                0,
                measured,
                "",
                false,
                "",
                false,
                "");
    }

    @Test
    void aHotSourceIsTheOnePrimaryForEverythingHotDownstream() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0); // vox -> bus -> master
        List<Warning> active = List.of(
                w(Rule.SOURCE_TOO_HOT, "vox", "vox/source", -2),
                w(Rule.PLUGIN_INPUT_OVERDRIVE, "vox", "vox/comp", -2),
                w(Rule.PLUGIN_OUTPUT_HOT, "vox", "vox/comp", 1),
                w(Rule.PLUGIN_GAIN_MISMATCH, "vox", "vox/comp", 3),
                w(Rule.BUS_OVERLOAD, "bus", "bus/output", 2),
                w(Rule.MASTER_OVER_0DBFS, "master", "master/output", 2.5));
        Map<String, String> roots =
                RootCauses.link(g, active).stream().collect(Collectors.toMap(Warning::id, Warning::rootCauseId));
        assertEquals("", roots.get("SOURCE_TOO_HOT@vox/source"), "the primary");
        assertEquals("SOURCE_TOO_HOT@vox/source", roots.get("PLUGIN_INPUT_OVERDRIVE@vox/comp"));
        assertEquals("SOURCE_TOO_HOT@vox/source", roots.get("PLUGIN_OUTPUT_HOT@vox/comp"));
        assertEquals("SOURCE_TOO_HOT@vox/source", roots.get("BUS_OVERLOAD@bus/output"));
        assertEquals("SOURCE_TOO_HOT@vox/source", roots.get("MASTER_OVER_0DBFS@master/output"));
        assertEquals("", roots.get("PLUGIN_GAIN_MISMATCH@vox/comp"), "a loudness mismatch is its own problem");
    }

    @Test
    void aBusOverloadWithCleanFeedersIsItsOwnPrimary() throws GraphException {
        SessionGraph g = StagingRulesTest.graph(0);
        List<Warning> linked = RootCauses.link(
                g,
                List.of(
                        w(Rule.BUS_OVERLOAD, "bus", "bus/output", 1),
                        w(Rule.MASTER_OVER_0DBFS, "master", "master/output", 1)));
        assertEquals("", linked.get(0).rootCauseId());
        assertEquals("BUS_OVERLOAD@bus/output", linked.get(1).rootCauseId());
    }
}
