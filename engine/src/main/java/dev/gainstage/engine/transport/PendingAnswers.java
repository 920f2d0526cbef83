package dev.gainstage.engine.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The requests of one kind (fixes, locates, comparisons) asked of one adapter and not answered yet. Each is
 * answered by the adapter, by its timeout, or by the connection closing: once closed, every pending
 * request is refused and every later one is refused at once, so no caller waits for, or trips over,
 * an adapter that has gone.
 *
 * @param <T> the answer
 */
final class PendingAnswers<T> {
    static final String DISCONNECTED = "the adapter disconnected";
    static final long TIMEOUT_SECONDS = 5;

    private final Function<String, T> refusal;
    private final Map<String, CompletableFuture<T>> pending = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    /** @param refusal the answer that refuses a request, saying why */
    PendingAnswers(Function<String, T> refusal) {
        this.refusal = refusal;
    }

    /**
     * Asks: {@code send} gets the new request's id to send it (it is not called once closed).
     * A request registered here and closed before {@code send} runs is refused by the close.
     */
    CompletableFuture<T> request(Consumer<String> send) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<T> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(refusal.apply(DISCONNECTED));
            }
            pending.put(requestId, answer);
        }
        CompletableFuture<T> result = answer.completeOnTimeout(
                        refusal.apply("the adapter did not answer within " + TIMEOUT_SECONDS + " s"),
                        TIMEOUT_SECONDS,
                        TimeUnit.SECONDS)
                .whenComplete((r, t) -> forget(requestId));
        send.accept(requestId);
        return result;
    }

    /** The adapter's answer; false when no request of this id is pending (unknown, answered, timed out). */
    boolean answer(String requestId, T outcome) {
        CompletableFuture<T> f;
        synchronized (this) {
            f = pending.remove(requestId);
        }
        return f != null && f.complete(outcome);
    }

    /** The connection closed: refuses the pending requests (outside the lock: their callers run on) and all later ones. */
    void close() {
        List<CompletableFuture<T>> orphans;
        synchronized (this) {
            closed = true;
            orphans = new ArrayList<>(pending.values());
            pending.clear();
        }
        orphans.forEach(f -> f.complete(refusal.apply(DISCONNECTED)));
    }

    private synchronized void forget(String requestId) {
        pending.remove(requestId);
    }
}
