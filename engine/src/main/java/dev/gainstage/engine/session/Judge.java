package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.Checklist;
import dev.gainstage.engine.checklist.ChecklistEvaluator;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.FixPlans;
import dev.gainstage.engine.rules.LoudnessDeltas;
import dev.gainstage.engine.rules.Observed;
import dev.gainstage.engine.rules.RecentPeaks;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.StagingRules;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.rules.WarningTracker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The session's judge: at every tick it feeds the longer windows from the readings, evaluates the
 * rules, folds their observations into the warning tracker and logs the events that caused; for a
 * publication it says what the session shows of that (warnings linked to their root causes, with the
 * user's acknowledgements, and the checklist). Owned by the session's adapter side (its lock).
 */
final class Judge {
    private static final int MAX_RECENT_EVENTS = 512;

    /** Replaced, with the tracker's thresholds, when the session's overrides change. */
    private StagingRules rules;

    private final WarningTracker tracker;
    /** 10 s windows of in/out loudness per plugin; judged once 3 s are in; 3 s skipped after a change. */
    private final LoudnessDeltas loudnessDeltas = new LoudnessDeltas(100, 30, 30);
    /** 10 s of output peaks per stage, for judging sources on their phrases; 3 s skipped after a change. */
    private final RecentPeaks recentPeaks = new RecentPeaks(100, 30);

    private final ArrayDeque<WarningEvent> recentEvents = new ArrayDeque<>();
    private long eventSequence;

    /** What a publication shows of the judgement. */
    record Verdict(List<Warning> warnings, List<WarningEvent> recentEvents, Checklist checklist) {}

    /** @param stagingRules the rules the session is judged by (the sidecar's registered set) */
    Judge(RuleConfig config, List<StagingRule> stagingRules) {
        this.rules = new StagingRules(config, stagingRules);
        this.tracker = new WarningTracker(config);
    }

    /** Judges by {@code config} from the next tick on (nothing changes when it is the current one). */
    void reconfigure(RuleConfig config) {
        if (!config.equals(rules.config())) {
            rules = rules.withConfig(config);
            tracker.reconfigure(config);
        }
    }

    /** One tick at session time {@code seconds}; returns the warning events it caused. */
    List<Warning> tick(
            double seconds, SessionGraph graph, Map<TapKey, MeterReading> readings, Set<String> intentional) {
        observeWindows(graph, readings);
        List<Observed> observations = rules.judge(graph, readings::get, intentional, loudnessDeltas, recentPeaks);
        List<Warning> events = tracker.update(seconds, graph, observations, intentional);
        for (Warning event : events) {
            recentEvents.addLast(new WarningEvent(++eventSequence, event));
            if (recentEvents.size() > MAX_RECENT_EVENTS) {
                recentEvents.removeFirst();
            }
        }
        return events;
    }

    private void observeWindows(SessionGraph graph, Map<TapKey, MeterReading> readings) {
        for (Strip strip : graph.strips()) {
            for (Stage stage : strip.stages()) {
                MeterReading out = readings.get(new TapKey(stage.id(), TapPoint.OUTPUT));
                if (out != null) {
                    recentPeaks.observe(stage.id(), out.samplePeakDbfs());
                }
                if (stage.kind() != StageKind.PLUGIN) {
                    continue;
                }
                MeterReading in = readings.get(new TapKey(stage.id(), TapPoint.INPUT));
                if (in != null
                        && out != null
                        && MeterReading.has(in.shortTermLufs())
                        && MeterReading.has(out.shortTermLufs())) {
                    loudnessDeltas.observe(stage.id(), in.shortTermLufs(), out.shortTermLufs());
                }
            }
        }
    }

    /** A stage changed (its gain, its activity, a fix): its windows are judged on audio from now on only. */
    void restartWindows(String stageId) {
        loudnessDeltas.restart(stageId);
        recentPeaks.restart(stageId);
    }

    /** A plugin's loudness change over its window (output minus input, dB); NaN until measured. */
    double loudnessDelta(String stageId) {
        return loudnessDeltas.delta(stageId);
    }

    /** The graph changed: windows of stages gone are dropped. */
    void follow(SessionGraph graph) {
        Set<String> stageIds = graph.strips().stream()
                .flatMap(s -> s.stages().stream())
                .map(Stage::id)
                .collect(Collectors.toSet());
        loudnessDeltas.retainOnly(stageIds);
        recentPeaks.retainOnly(stageIds);
    }

    Verdict verdict(SessionGraph graph, Map<TapKey, MeterReading> readings, Decisions decisions) {
        List<Warning> warnings = new ArrayList<>();
        for (Warning w : FixPlans.plan(graph, tracker.active())) {
            String reason = decisions.warningAcks().get(w.id());
            warnings.add(reason == null ? w : w.withAcknowledgement(true, reason));
        }
        Checklist checklist = ChecklistEvaluator.evaluate(
                graph, readings::get, warnings, decisions.itemAcks(), rules.config(), decisions.deliveryTarget());
        return new Verdict(warnings, new ArrayList<>(recentEvents), checklist);
    }
}
