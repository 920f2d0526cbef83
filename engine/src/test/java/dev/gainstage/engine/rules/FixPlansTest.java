package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One suggestion per control, root causes first. */
class FixPlansTest {
    private static Warning warning(Rule rule, String stageId, double changeDb, String rootCause) {
        String strip = stageId.substring(0, stageId.indexOf('/'));
        return new Warning(
                rule.name() + "@" + stageId,
                rule,
                WarningState.RAISED,
                strip,
                "Bass",
                stageId,
                "Tube Saturator",
                0,
                0,
                "dB",
                "m",
                "s",
                List.of(new FixStep(stageId, changeDb)),
                0,
                0,
                0,
                rootCause,
                false,
                "",
                false,
                "");
    }

    private static Map<String, Warning> plan(List<Warning> active) throws GraphException {
        // the graph only matters for root causes; these warnings carry theirs already and link to no other
        return FixPlans.plan(StagingRulesTest.graph(0), active).stream()
                .collect(Collectors.toMap(Warning::id, Function.identity()));
    }

    @Test
    void theFixesOfEveryRuleOnOneControlBecomeOneChangeThatSatisfiesThemAll() throws GraphException {
        // the demo's Tube Saturator: -3.1 dB (output hot) and -14.6 dB (loudness mismatch) on one output control
        Map<String, Warning> planned = plan(List.of(
                warning(Rule.PLUGIN_OUTPUT_HOT, "vox/comp", -3.1, ""),
                warning(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp", -14.6, "")));
        Warning mismatch = planned.get("PLUGIN_GAIN_MISMATCH@vox/comp");
        Warning hot = planned.get("PLUGIN_OUTPUT_HOT@vox/comp");
        assertEquals(List.of(new FixStep("vox/comp", -14.6)), mismatch.fix(), "the deeper cut fixes both");
        assertEquals(List.of(), hot.fix(), "one button for the control");
        assertTrue(hot.suggestion().contains("one change covers this"), hot.suggestion());
    }

    @Test
    void aWarningThatFollowsFromAnotherOffersNoFixOfItsOwn() throws GraphException {
        Map<String, Warning> planned = plan(List.of(
                warning(Rule.SOURCE_TOO_HOT, "vox/source", -6, ""),
                warning(Rule.PLUGIN_INPUT_OVERDRIVE, "vox/comp", -6, "SOURCE_TOO_HOT@vox/source")));
        assertEquals(1, planned.get("SOURCE_TOO_HOT@vox/source").fix().size());
        Warning follower = planned.get("PLUGIN_INPUT_OVERDRIVE@vox/comp");
        assertEquals(List.of(), follower.fix());
        assertTrue(
                follower.suggestion()
                        .startsWith("Follows from \"source too hot\" on Bass \u25B8 Tube Saturator: fix that first"),
                follower.suggestion());
    }
}
