package dev.gainstage.engine.transport;

import dev.gainstage.engine.session.FixOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fixes asked of one adapter and not answered yet. Each is answered by the adapter, by its
 * timeout, or by the connection closing: once closed, every pending fix is refused and every later
 * one is refused at once, so no caller waits for, or trips over, an adapter that has gone.
 */
final class PendingFixes {
    static final String DISCONNECTED = "the adapter disconnected";
    static final long TIMEOUT_SECONDS = 5;

    private final Map<String, CompletableFuture<FixOutcome>> pending = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    /**
     * Asks for a fix: {@code send} gets the new fix's id to send it (it is not called once closed).
     * A fix registered here and closed before {@code send} runs is refused by the close.
     */
    CompletableFuture<FixOutcome> request(Consumer<String> send) {
        String fixId = UUID.randomUUID().toString();
        CompletableFuture<FixOutcome> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(FixOutcome.refused(DISCONNECTED));
            }
            pending.put(fixId, answer);
        }
        CompletableFuture<FixOutcome> result = answer.completeOnTimeout(
                        FixOutcome.refused("the adapter did not answer within " + TIMEOUT_SECONDS + " s"),
                        TIMEOUT_SECONDS,
                        TimeUnit.SECONDS)
                .whenComplete((r, t) -> forget(fixId));
        send.accept(fixId);
        return result;
    }

    /** The adapter's answer; false when no fix of this id is pending (unknown, answered, timed out). */
    boolean answer(String fixId, FixOutcome outcome) {
        CompletableFuture<FixOutcome> f;
        synchronized (this) {
            f = pending.remove(fixId);
        }
        return f != null && f.complete(outcome);
    }

    /** The connection closed: refuses the pending fixes (outside the lock: their callers run on) and all later ones. */
    void close() {
        List<CompletableFuture<FixOutcome>> orphans;
        synchronized (this) {
            closed = true;
            orphans = new ArrayList<>(pending.values());
            pending.clear();
        }
        orphans.forEach(f -> f.complete(FixOutcome.refused(DISCONNECTED)));
    }

    private synchronized void forget(String fixId) {
        pending.remove(fixId);
    }
}
