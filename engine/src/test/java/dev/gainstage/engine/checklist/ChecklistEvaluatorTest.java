package dev.gainstage.engine.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.rules.WarningState;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each item reads the warnings of its own stage and rules only, in their order, whatever else is active. */
class ChecklistEvaluatorTest {
    private static Strip track(String id) {
        return new Strip(
                id,
                id.toUpperCase(),
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        new Stage(id + "/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), ""),
                        new Stage(id + "/comp", StageKind.PLUGIN, "Comp", "urn:c", true, OptionalDouble.empty(), "")),
                List.of());
    }

    private static Warning warning(Rule rule, String stageId, String suggestion) {
        return new Warning(
                rule.name() + "@" + stageId,
                rule,
                WarningState.RAISED,
                stageId.substring(0, stageId.indexOf('/')),
                "Strip",
                stageId,
                "Stage",
                0,
                0,
                "dB",
                "m",
                suggestion,
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
    void itemsReadTheirOwnStagesWarnings() throws GraphException {
        SessionGraph graph = SessionGraph.of(List.of(track("a"), track("b"), track("c")));
        List<Warning> active = List.of(
                warning(Rule.SOURCE_TOO_HOT, "b/source", "lower b").withAcknowledgement(true, "it is meant"),
                warning(Rule.PLUGIN_OUTPUT_HOT, "a/comp", "lower a's comp"),
                warning(Rule.SOURCE_CLIPPING, "b/source", "re-record b"),
                warning(Rule.SOURCE_TOO_QUIET, "b/source", "raise b"),
                warning(Rule.FADER_EXTREME, "c/comp", "not a plugin rule"),
                warning(Rule.PLUGIN_GAIN_MISMATCH, "c/source", "not a source rule"),
                warning(Rule.PLUGIN_INPUT_OVERDRIVE, "b/comp", "").withAcknowledgement(true, "drive"));

        Map<String, ChecklistItem> items =
                ChecklistEvaluator.evaluate(graph, key -> null, active, Map.of(), RuleConfig.defaults())
                        .steps()
                        .stream()
                        .flatMap(s -> s.items().stream())
                        .collect(Collectors.toMap(ChecklistItem::id, Function.identity()));

        assertEquals(ItemState.PENDING, items.get("source:a/source").state());
        assertEquals(ItemState.FAILING, items.get("plugin:a/comp").state());
        assertEquals("lower a's comp", items.get("plugin:a/comp").detail());
        // the first warning not acknowledged, in the active list's order
        assertEquals(ItemState.FAILING, items.get("source:b/source").state());
        assertEquals("re-record b", items.get("source:b/source").detail());
        assertEquals(ItemState.ACKNOWLEDGED, items.get("plugin:b/comp").state());
        assertEquals("drive", items.get("plugin:b/comp").ackReason());
        assertEquals(ItemState.PENDING, items.get("source:c/source").state());
        assertEquals(ItemState.PENDING, items.get("plugin:c/comp").state());
    }
}
