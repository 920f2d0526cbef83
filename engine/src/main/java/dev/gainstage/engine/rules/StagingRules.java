package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Strip;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Judges every stage of a graph against a set of {@link StagingRule}s (by default
 * {@link StagingRuleSet#standard()}), from the latest meter readings. Stateless: the
 * {@link WarningTracker} turns the observations into warnings with hysteresis. The live session and
 * the file tools' {@code analyze} both judge through this class, so they cannot disagree.
 */
public final class StagingRules {
    private final RuleConfig config;
    private final List<StagingRule> rules;

    public StagingRules(RuleConfig config) {
        this(config, StagingRuleSet.standard());
    }

    /**
     * @param rules iterated in this order for each stage
     * @throws IllegalArgumentException when two rules have the same id
     */
    public StagingRules(RuleConfig config, Collection<? extends StagingRule> rules) {
        this.config = config;
        this.rules = List.copyOf(rules);
        Set<Rule> ids = EnumSet.noneOf(Rule.class);
        for (StagingRule rule : this.rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("staging rule " + rule.id() + " is registered twice");
            }
        }
    }

    public RuleConfig config() {
        return config;
    }

    /** The same rules judged by other thresholds. */
    public StagingRules withConfig(RuleConfig newConfig) {
        return new StagingRules(newConfig, rules);
    }

    /**
     * @param intentional ids of stages and strips the user marked intentional saturation
     */
    public List<Observation> evaluate(SessionGraph graph, TapReadings readings, Set<String> intentional) {
        return evaluate(graph, readings, intentional, null, null);
    }

    /**
     * @param deltas plugins' in-versus-out loudness over a window; null to judge on the latest
     *               short-term pair alone
     * @param peaks  stages' output peaks over a longer window; null to judge on the meter's 3 s peak
     */
    public List<Observation> evaluate(
            SessionGraph graph,
            TapReadings readings,
            Set<String> intentional,
            LoudnessDeltas deltas,
            RecentPeaks peaks) {
        List<Observed> judged = judge(graph, readings, intentional, deltas, peaks);
        List<Observation> out = new ArrayList<>(judged.size());
        judged.forEach(o -> out.add(o.worded()));
        return out;
    }

    /** As {@link #evaluate}, each observation's words written only when asked for ({@link Observed#worded}). */
    public List<Observed> judge(
            SessionGraph graph,
            TapReadings readings,
            Set<String> intentional,
            LoudnessDeltas deltas,
            RecentPeaks peaks) {
        List<Observed> out = new ArrayList<>();
        for (Strip strip : graph.strips()) {
            boolean stripIntentional = intentional.contains(strip.id());
            for (int i = 0; i < strip.stages().size(); i++) {
                boolean muted = stripIntentional
                        || intentional.contains(strip.stages().get(i).id());
                StageContext context = StageContext.of(graph, strip, i, readings, muted, deltas, peaks, config);
                for (StagingRule rule : rules) {
                    rule.evaluate(context).ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
