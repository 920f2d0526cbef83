package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.TapKey;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What a session needs from the adapter connected to it; the gRPC layer implements it. */
public interface AdapterLink {
    String adapterName();

    boolean canApplyFixes();

    /** Replaces the set of taps the adapter sends, each with its handle. */
    void requestTaps(Map<Integer, TapKey> taps);

    /** Asks the adapter to change a stage's gain; completes with what the adapter did. */
    CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb);

    /** Asks the adapter to set a stage's gain to exactly {@code gainDb} (undoing a fix); completes with what it did. */
    CompletableFuture<FixOutcome> requestSetGain(String stageId, double gainDb);

    /** Asks the adapter to move the DAW's playhead to transport {@code seconds}; completes with where it went. */
    default CompletableFuture<LocateOutcome> requestLocate(double seconds, boolean roll) {
        return CompletableFuture.completedFuture(LocateOutcome.refused(adapterName() + " cannot move the playhead"));
    }

    /** Asks the adapter for a step of a level-matched A/B; completes with what it did. */
    default CompletableFuture<CompareAnswer> requestCompare(CompareStep step) {
        return CompletableFuture.completedFuture(
                CompareAnswer.refused("adapter '" + adapterName() + "' cannot compare"));
    }
}
