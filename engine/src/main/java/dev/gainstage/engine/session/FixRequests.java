package dev.gainstage.engine.session;

import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a warning's suggested fix through the adapter, one request per step, and combines what
 * became of the steps. A step that fails, also by its request throwing (the adapter went away
 * mid-fix), is a failed outcome of that step; the steps before it stay requested and the combined
 * outcome names the stages changed and those not.
 */
final class FixRequests {
    private final String sessionKey;
    private final Consumer<String> stageChanged;

    /** @param stageChanged told (on the thread that completes the step) of every stage a step changed */
    FixRequests(String sessionKey, Consumer<String> stageChanged) {
        this.sessionKey = sessionKey;
        this.stageChanged = stageChanged;
    }

    /**
     * @param active the warnings published now
     * @param link   the attached adapter, or null
     */
    CompletableFuture<FixOutcome> apply(String warningId, List<Warning> active, AdapterLink link) {
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
        if (link == null) {
            return refused("no adapter is connected to session '" + sessionKey + "'");
        }
        if (!link.canApplyFixes()) {
            return refused("adapter '" + link.adapterName() + "' cannot apply fixes");
        }
        List<FixStep> plan = w.fix();
        List<CompletableFuture<FixOutcome>> steps = new ArrayList<>();
        for (FixStep step : plan) {
            steps.add(request(link, step));
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
                .thenApply(done -> combine(
                        plan, steps.stream().map(CompletableFuture::join).toList()));
    }

    private static CompletableFuture<FixOutcome> refused(String why) {
        return CompletableFuture.completedFuture(FixOutcome.refused(why));
    }

    /** One step's request; it never completes exceptionally. */
    private CompletableFuture<FixOutcome> request(AdapterLink link, FixStep step) {
        CompletableFuture<FixOutcome> sent;
        try {
            sent = link.requestFix(step.stageId(), step.changeDb());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((outcome, failure) -> {
            if (failure != null) {
                return FixOutcome.refused(describe(step) + " failed: " + reason(failure));
            }
            if (outcome.applied()) {
                stageChanged.accept(step.stageId());
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
