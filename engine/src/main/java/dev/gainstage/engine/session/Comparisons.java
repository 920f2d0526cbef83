package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A session's level-matched A/B, one plugin at a time: checks a request, asks the adapter (which saves, bypasses,
 * matches and restores: it knows the DAW's controls), and keeps the comparison running for the view. The sides are
 * matched by the plugin's measured loudness change (output minus input over the judge's window), so the engineer
 * hears the processing, not the level. A request in flight holds off the next; the adapter ends the comparison on
 * its own when its stream ends, so an adapter gone forgets it here too.
 */
final class Comparisons {
    private final String sessionKey;
    private final Runnable changed;
    private Comparison current; // guarded by this
    private boolean busy; // guarded by this

    /** @param changed told (on the thread that completes a request) when the comparison changed */
    Comparisons(String sessionKey, Runnable changed) {
        this.sessionKey = sessionKey;
        this.changed = changed;
    }

    synchronized Optional<Comparison> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Why the plugin {@code stageId} cannot be compared, in one line; empty when it can.
     *
     * @param deltaDb its measured loudness change, NaN when not measured yet
     */
    static Optional<String> refusal(SessionGraph graph, String stageId, double deltaDb) {
        Optional<Strip> strip = graph.stripOfStage(stageId);
        Optional<Stage> stage = graph.stage(stageId);
        if (strip.isEmpty() || stage.isEmpty()) {
            return Optional.of("unknown stage id '" + stageId + "'");
        }
        String name = name(strip.get(), stage.get());
        if (stage.get().kind() != StageKind.PLUGIN) {
            return Optional.of(name + " is a " + stage.get().kind().name().toLowerCase(Locale.ROOT)
                    + ", not a plugin: only a plugin can be compared");
        }
        if (!stage.get().active()) {
            return Optional.of(name + " is bypassed already: activate it to compare it");
        }
        if (!Double.isFinite(deltaDb)) {
            return Optional.of("no loudness measured through " + name
                    + " yet: play at least 3 s of audio through it, then compare");
        }
        return Optional.empty();
    }

    /** Starts on side B: the plugin bypassed, level-matched by {@code deltaDb}. */
    CompletableFuture<CompareOutcome> start(SessionGraph graph, String stageId, double deltaDb, AdapterLink link) {
        Optional<String> why = refusal(graph, stageId, deltaDb);
        Strip strip = graph.stripOfStage(stageId).orElse(null);
        Stage stage = graph.stage(stageId).orElse(null);
        synchronized (this) {
            if (current != null) {
                return refused("already comparing " + current.stripName() + " ▸ " + current.stageName()
                        + ": end that comparison first");
            }
            if (why.isEmpty()) {
                why = linkRefusal(link);
            }
            if (why.isPresent()) {
                return refused(why.get());
            }
            busy = true;
        }
        return ask(
                link,
                new CompareStep.Start(stageId, CompareSide.B, deltaDb),
                answer -> new Comparison(
                        stageId, stage.name(), strip.name(), CompareSide.B, deltaDb, answer.matchStageId()));
    }

    CompletableFuture<CompareOutcome> switchTo(CompareSide side, AdapterLink link) {
        return next(
                link,
                running -> new CompareStep.Switch(running.stageId(), side),
                running -> answer -> running.on(side));
    }

    CompletableFuture<CompareOutcome> end(AdapterLink link) {
        return next(link, running -> new CompareStep.End(running.stageId()), running -> answer -> null);
    }

    /** A step of the running comparison: claimed here, then asked of the adapter. */
    private CompletableFuture<CompareOutcome> next(
            AdapterLink link, Function<Comparison, CompareStep> step, Function<Comparison, After> after) {
        Comparison running;
        synchronized (this) {
            Optional<String> why = claim(link);
            if (why.isPresent()) {
                return refused(why.get());
            }
            running = current;
        }
        return ask(link, step.apply(running), after.apply(running));
    }

    /** The adapter's stream ended: the adapter put the plugin back itself. */
    void adapterGone() {
        boolean had;
        synchronized (this) {
            had = current != null;
            current = null;
        }
        if (had) {
            changed.run();
        }
    }

    /** Claims the running comparison for one request, or says why not. Under this object's lock. */
    private Optional<String> claim(AdapterLink link) {
        if (current == null) {
            return Optional.of("nothing is being compared");
        }
        Optional<String> why = linkRefusal(link);
        if (why.isEmpty()) {
            busy = true;
        }
        return why;
    }

    /** Under this object's lock. */
    private Optional<String> linkRefusal(AdapterLink link) {
        if (busy) {
            return Optional.of("a compare request is under way; try again when it is answered");
        }
        if (link == null) {
            return Optional.of("no adapter is connected to session '" + sessionKey + "'");
        }
        if (!link.canApplyFixes()) {
            return Optional.of("adapter '" + link.adapterName() + "' cannot change the session, so it cannot compare");
        }
        return Optional.empty();
    }

    private interface After {
        /** The comparison once the adapter applied the step; null when it has ended. */
        Comparison next(CompareAnswer answer);
    }

    private CompletableFuture<CompareOutcome> ask(AdapterLink link, CompareStep step, After after) {
        CompletableFuture<CompareAnswer> sent;
        try {
            sent = link.requestCompare(step);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((answer, failure) -> {
            CompareAnswer a = failure != null ? CompareAnswer.refused(FixRequests.reason(failure)) : answer;
            Comparison now;
            synchronized (this) {
                busy = false;
                if (a.applied()) {
                    current = after.next(a);
                }
                now = current;
            }
            if (a.applied()) {
                changed.run();
            }
            return new CompareOutcome(a.applied(), a.message(), Optional.ofNullable(now));
        });
    }

    private CompletableFuture<CompareOutcome> refused(String why) {
        return CompletableFuture.completedFuture(CompareOutcome.refused(why, Optional.ofNullable(current)));
    }

    private static String name(Strip strip, Stage stage) {
        return strip.name() + " ▸ " + stage.name();
    }
}
