package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagingRuleSetTest {
    @Test
    void theStandardSetHasOneClassForEveryRule() {
        List<Rule> ids = StagingRuleSet.standard().stream().map(StagingRule::id).toList();
        assertEquals(Arrays.asList(Rule.values()), ids.stream().sorted().toList(), "one rule class per Rule, once");
    }

    @Test
    void aRuleRegisteredTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new StagingRules(RuleConfig.defaults(), List.of(new SourceTooHotRule(), new SourceTooHotRule())));
        assertTrue(e.getMessage().contains("SOURCE_TOO_HOT"), e.getMessage());
    }

    @Test
    void withConfigKeepsTheRulesAndChangesTheThresholds() throws GraphException {
        StagingRules onlyFaders = new StagingRules(RuleConfig.defaults(), List.of(new FaderExtremeRule()));
        StagingRules stricter = onlyFaders.withConfig(RuleConfig.defaults().with(Map.of("fader_max_db", 3.0)));
        SessionGraph graph = StagingRulesTest.graph(4); // Vox's fader at +4 dB, inside the default +6
        TapReadings readings = key -> Readings.peak(-12); // signal everywhere: every rule could judge
        assertEquals(
                List.of(false),
                onlyFaders.evaluate(graph, readings, Set.of()).stream()
                        .map(Observation::breaks)
                        .toList());
        List<Observation> judged = stricter.evaluate(graph, readings, Set.of());
        assertEquals(
                List.of(Rule.FADER_EXTREME),
                judged.stream().map(Observation::rule).toList());
        assertTrue(judged.get(0).breaks(), "+4 dB is above the stricter +3 dB");
    }
}
