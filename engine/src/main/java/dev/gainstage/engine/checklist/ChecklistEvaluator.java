package dev.gainstage.engine.checklist;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.SourceTooQuietRule;
import dev.gainstage.engine.rules.TapReadings;
import dev.gainstage.engine.rules.Warning;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the seed's three steps from the graph and the live warnings: 1 start at the source, 2 check
 * plugin levels, 3 monitor mix levels; and 4 ready to deliver ({@link DeliveryCheck}) once a delivery target is chosen. An item is pending until its stage has had enough signal to
 * judge, failing while one of its rules' warnings is raised, passing otherwise, unless the user
 * acknowledged it, or acknowledged every warning against it (then it is acknowledged, with that reason).
 */
public final class ChecklistEvaluator {
    /** Seconds of signal a stage needs before its item can pass: the short-term loudness window. */
    static final double MIN_SIGNAL_SECONDS = 3.0;

    private static final Set<Rule> SOURCE_RULES =
            EnumSet.of(Rule.SOURCE_TOO_HOT, Rule.SOURCE_CLIPPING, Rule.SOURCE_TOO_QUIET);
    private static final Set<Rule> PLUGIN_RULES =
            EnumSet.of(Rule.PLUGIN_GAIN_MISMATCH, Rule.PLUGIN_INPUT_OVERDRIVE, Rule.PLUGIN_OUTPUT_HOT);
    private static final Set<Rule> MIX_RULES =
            EnumSet.of(Rule.BUS_OVERLOAD, Rule.MASTER_OVER_0DBFS, Rule.MASTER_LOW_HEADROOM);

    private ChecklistEvaluator() {}

    /** @param config the thresholds the session is judged by: a source is waiting until its rules can judge it */
    public static Checklist evaluate(
            SessionGraph graph,
            TapReadings readings,
            List<Warning> active,
            Map<String, String> itemAcks,
            RuleConfig config) {
        return evaluate(graph, readings, active, itemAcks, config, DeliveryTarget.NONE);
    }

    /** As above, with step 4, {@link DeliveryCheck}, when the session has a delivery target. */
    public static Checklist evaluate(
            SessionGraph graph,
            TapReadings readings,
            List<Warning> active,
            Map<String, String> itemAcks,
            RuleConfig config,
            DeliveryTarget target) {
        Map<String, List<Warning>> byStage = byStage(active);
        List<ChecklistItem> sources = new ArrayList<>();
        List<ChecklistItem> plugins = new ArrayList<>();
        List<ChecklistItem> mix = new ArrayList<>();
        for (Strip strip : graph.strips()) {
            for (Stage stage : strip.stages()) {
                if (stage.kind() == StageKind.SOURCE && strip.kind().isTrack()) {
                    sources.add(item(
                            "source:" + stage.id(),
                            strip.name() + ": source peaks between -12 and -6 dBFS",
                            strip,
                            stage,
                            TapPoint.OUTPUT,
                            SOURCE_RULES,
                            readings,
                            byStage,
                            itemAcks,
                            r -> sourceWaiting(r, config)));
                } else if (stage.kind() == StageKind.PLUGIN && stage.active()) {
                    plugins.add(item(
                            "plugin:" + stage.id(),
                            strip.name() + " \u25B8 " + stage.name()
                                    + ": input not overdriven, output matched to input",
                            strip,
                            stage,
                            TapPoint.OUTPUT,
                            PLUGIN_RULES,
                            readings,
                            byStage,
                            itemAcks,
                            ChecklistEvaluator::levelWaiting));
                } else if (stage.kind() == StageKind.OUTPUT
                        && (strip.kind() == StripKind.BUS || strip.kind() == StripKind.MASTER)) {
                    String text = strip.kind() == StripKind.MASTER
                            ? strip.name() + ": peaks at or below 0 dBFS with 3 to 6 dB of headroom"
                            : strip.name() + ": bus output stays below 0 dBFS";
                    mix.add(item(
                            "mix:" + stage.id(),
                            text,
                            strip,
                            stage,
                            TapPoint.OUTPUT,
                            MIX_RULES,
                            readings,
                            byStage,
                            itemAcks,
                            ChecklistEvaluator::levelWaiting));
                }
            }
        }
        List<ChecklistStep> steps = new ArrayList<>(List.of(
                new ChecklistStep(1, "Start at the source", sources),
                new ChecklistStep(2, "Check plugin levels", plugins),
                new ChecklistStep(3, "Monitor mix levels", mix)));
        DeliveryCheck.step(graph, readings, itemAcks, target).ifPresent(steps::add);
        String next = "";
        int done = 0;
        int total = 0;
        for (ChecklistStep step : steps) {
            for (ChecklistItem item : step.items()) {
                total++;
                if (item.done()) {
                    done++;
                } else if (next.isEmpty() && item.state() == ItemState.FAILING) {
                    next = item.id();
                }
            }
        }
        if (next.isEmpty()) { // nothing failing: the next thing is the first item still waiting for signal
            next = steps.stream()
                    .flatMap(s -> s.items().stream())
                    .filter(i -> !i.done())
                    .map(ChecklistItem::id)
                    .findFirst()
                    .orElse("");
        }
        return new Checklist(steps, next, done, total);
    }

    /**
     * The active warnings by stage id, each stage's in their order: an item reads its stage's alone (a scan of every
     * warning per item made a publication of a session with many warnings quadratic).
     */
    private static Map<String, List<Warning>> byStage(List<Warning> active) {
        Map<String, List<Warning>> byStage = new HashMap<>();
        for (Warning w : active) {
            byStage.computeIfAbsent(w.stageId(), k -> new ArrayList<>(2)).add(w);
        }
        return byStage;
    }

    private static ChecklistItem item(
            String id,
            String text,
            Strip strip,
            Stage stage,
            TapPoint point,
            Set<Rule> rules,
            TapReadings readings,
            Map<String, List<Warning>> activeByStage,
            Map<String, String> itemAcks,
            Function<MeterReading, String> waiting) {
        String ack = itemAcks.get(id);
        if (ack != null) {
            return new ChecklistItem(id, text, strip.id(), stage.id(), ItemState.ACKNOWLEDGED, "acknowledged", ack);
        }
        Warning acknowledged = null;
        for (Warning w : activeByStage.getOrDefault(stage.id(), List.of())) {
            if (rules.contains(w.rule())) {
                if (!w.acknowledged()) {
                    return new ChecklistItem(id, text, strip.id(), stage.id(), ItemState.FAILING, w.suggestion(), "");
                }
                acknowledged = w;
            }
        }
        if (acknowledged != null) { // every warning against the item was acknowledged: so is the item
            return new ChecklistItem(
                    id, text, strip.id(), stage.id(), ItemState.ACKNOWLEDGED, "acknowledged", acknowledged.ackReason());
        }
        MeterReading r = readings.get(new TapKey(stage.id(), point));
        String wait = TapReadings.hasSignal(r) ? waiting.apply(r) : "waiting for signal";
        if (!wait.isEmpty()) {
            return new ChecklistItem(id, text, strip.id(), stage.id(), ItemState.PENDING, wait, "");
        }
        return new ChecklistItem(id, text, strip.id(), stage.id(), ItemState.PASSING, "", "");
    }

    /** A source waits until its rules can judge it ({@link SourceTooQuietRule#waitingFor}): one condition for both. */
    private static String sourceWaiting(MeterReading r, RuleConfig config) {
        String needs = SourceTooQuietRule.waitingFor(r, config);
        return needs.isEmpty() ? "" : "waiting: " + needs;
    }

    /** A plugin's or a sum's items wait for the short-term loudness window their rules compare. */
    private static String levelWaiting(MeterReading r) {
        return r.signalSeconds() >= MIN_SIGNAL_SECONDS
                ? ""
                : String.format(
                        Locale.ROOT,
                        "waiting: %.1f s of signal (judged after %.0f s)",
                        r.signalSeconds(),
                        MIN_SIGNAL_SECONDS);
    }
}
