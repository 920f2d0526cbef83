package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a warning's suggested fix through the adapter, one request per step, and combines what
 * became of the steps; undoes an applied fix the same way, setting each gain it changed back to its
 * value before. A step that fails, also by its request throwing (the adapter went away mid-fix), is a
 * failed outcome of that step; the steps before it stay requested and the combined outcome names the
 * stages changed and those not.
 */
final class FixRequests {
    private final String sessionKey;
    private final Consumer<String> stageChanged;

    /** The combined outcome, and the gains its applied steps changed (for an undo, those set back). */
    record FixDone(FixOutcome outcome, List<GainChange> changes) {}

    /** One request to the adapter: what it changes, what the graph said before, and how it is sent. */
    private record Step(
            FixStep step,
            String stageName,
            double graphBeforeDb,
            Function<AdapterLink, CompletableFuture<FixOutcome>> send) {}

    /** @param stageChanged told (on the thread that completes the step) of every stage a step changed */
    FixRequests(String sessionKey, Consumer<String> stageChanged) {
        this.sessionKey = sessionKey;
        this.stageChanged = stageChanged;
    }

    /**
     * @param active the warnings published now
     * @param link   the attached adapter, or null
     * @param graph  the mirrored graph now, for the gains before the fix the adapter does not report
     */
    CompletableFuture<FixDone> apply(String warningId, List<Warning> active, AdapterLink link, SessionGraph graph) {
        Warning w = active.stream()
                .filter(x -> x.id().equals(warningId))
                .findFirst()
                .orElse(null);
        if (w == null) {
            return refused("no active warning '" + warningId + "'");
        }
        if (w.clearing()) {
            return refused("warning '" + warningId
                    + "' no longer holds (already fixed?); it clears after the hysteresis time");
        }
        if (!w.fixable()) {
            return refused("warning '" + warningId + "' has no gain change that fixes it: " + w.suggestion());
        }
        String cannot = cannotFix(link);
        if (cannot != null) {
            return refused(cannot);
        }
        List<Step> steps = new ArrayList<>();
        for (FixStep s : w.fix()) {
            double before = graph.stage(s.stageId())
                    .map(Stage::gainDb)
                    .filter(g -> g.isPresent())
                    .map(g -> g.getAsDouble())
                    .orElse(Double.NaN);
            steps.add(new Step(s, stageName(graph, s.stageId()), before, l -> l.requestFix(s.stageId(), s.changeDb())));
        }
        return run(steps, link);
    }

    /** Sets each gain back to its value before the fix (by the inverse change where that is not known). */
    CompletableFuture<FixDone> undo(List<GainChange> gains, AdapterLink link) {
        String cannot = cannotFix(link);
        if (cannot != null) {
            return refused(cannot);
        }
        List<Step> steps = new ArrayList<>();
        for (GainChange g : gains.reversed()) { // the last change first, as the fix's own steps came
            steps.add(new Step(
                    new FixStep(g.stageId(), -g.changeDb()),
                    g.stageName(),
                    g.afterDb(),
                    g.knowsBefore()
                            ? l -> l.requestSetGain(g.stageId(), g.beforeDb())
                            : l -> l.requestFix(g.stageId(), -g.changeDb())));
        }
        return run(steps, link);
    }

    private String cannotFix(AdapterLink link) {
        if (link == null) {
            return "no adapter is connected to session '" + sessionKey + "'";
        }
        if (!link.canApplyFixes()) {
            return "adapter '" + link.adapterName() + "' cannot apply fixes";
        }
        return null;
    }

    private CompletableFuture<FixDone> run(List<Step> steps, AdapterLink link) {
        List<CompletableFuture<FixOutcome>> sent = new ArrayList<>();
        for (Step step : steps) {
            sent.add(request(link, step));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<FixOutcome> outcomes =
                    sent.stream().map(CompletableFuture::join).toList();
            List<GainChange> changes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (outcomes.get(i).applied()) {
                    changes.add(change(steps.get(i), outcomes.get(i)));
                }
            }
            return new FixDone(combine(steps.stream().map(Step::step).toList(), outcomes), changes);
        });
    }

    /** The adapter's own before and after where it says them, else the graph's before and the change asked for. */
    private static GainChange change(Step step, FixOutcome outcome) {
        double before = outcome.beforeDb().orElse(step.graphBeforeDb());
        double after = outcome.afterDb().orElse(before + step.step().changeDb());
        double change = Double.isFinite(before) && Double.isFinite(after)
                ? after - before
                : step.step().changeDb();
        return new GainChange(step.step().stageId(), step.stageName(), before, after, change);
    }

    private static String stageName(SessionGraph graph, String stageId) {
        Strip strip = graph.stripOfStage(stageId).orElse(null);
        String stage = graph.stage(stageId).map(Stage::name).orElse(stageId);
        return strip == null ? stage : strip.name() + " ▸ " + stage;
    }

    private static CompletableFuture<FixDone> refused(String why) {
        return CompletableFuture.completedFuture(new FixDone(FixOutcome.refused(why), List.of()));
    }

    /** One step's request; it never completes exceptionally. */
    private CompletableFuture<FixOutcome> request(AdapterLink link, Step step) {
        CompletableFuture<FixOutcome> sent;
        try {
            sent = step.send().apply(link);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((outcome, failure) -> {
            if (failure != null) {
                return FixOutcome.refused(describe(step.step()) + " failed: " + reason(failure));
            }
            if (outcome.applied()) {
                stageChanged.accept(step.step().stageId());
            }
            return outcome;
        });
    }

    private static String describe(FixStep step) {
        return String.format(Locale.ROOT, "changing '%s' by %+.1f dB", step.stageId(), step.changeDb());
    }

    /** A failed request's reason in words (the cause's message, else its class). */
    static String reason(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** Applied when every step was; a partial fix says which stages changed and which did not. */
    static FixOutcome combine(List<FixStep> plan, List<FixOutcome> outcomes) {
        boolean all = outcomes.stream().allMatch(FixOutcome::applied);
        String message = outcomes.stream()
                .map(FixOutcome::message)
                .filter(m -> !m.isBlank())
                .collect(Collectors.joining("; "));
        boolean some = outcomes.stream().anyMatch(FixOutcome::applied);
        if (some && !all) {
            message = "partly applied: changed " + stages(plan, outcomes, true) + ", not "
                    + stages(plan, outcomes, false) + (message.isEmpty() ? "" : "; " + message);
        }
        return new FixOutcome(all, message);
    }

    private static String stages(List<FixStep> plan, List<FixOutcome> outcomes, boolean applied) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (outcomes.get(i).applied() == applied) {
                ids.add("'" + plan.get(i).stageId() + "'");
            }
        }
        return String.join(", ", ids);
    }
}
