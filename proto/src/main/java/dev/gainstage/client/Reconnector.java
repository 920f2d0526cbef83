package dev.gainstage.client;

import java.time.Duration;

/**
 * Re-opens a client's stream after it broke, waiting as {@link Backoff} says: the one reconnect policy of the
 * sidecar's clients (the adapters' Attach stream, the panel's Watch stream). The stream's owner calls
 * {@link #succeeded} when the stream works and {@link #retry} when it broke; {@link #close} stops it for good.
 * Thread-safe: gRPC calls both from its own threads.
 */
public final class Reconnector implements AutoCloseable {
    /** Runs a task after a wait; the clock and thread of the waits, replaceable in tests. */
    @FunctionalInterface
    public interface Scheduler {
        /** Runs {@code task} once after {@code delay}; the returned handle cancels it if it has not run yet. */
        Cancellable schedule(Duration delay, Runnable task);
    }

    /** A scheduled attempt that can be called off. */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    private final Runnable reconnect;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private Cancellable pending;
    private boolean closed;

    /** Waits on a virtual thread of this name (one per wait: a reconnect is rare). */
    public Reconnector(String threadName, Runnable reconnect) {
        this(reconnect, sleepingOn(threadName), new Backoff());
    }

    /** As above, waiting as {@code backoff} says. */
    public Reconnector(String threadName, Runnable reconnect, Backoff backoff) {
        this(reconnect, sleepingOn(threadName), backoff);
    }

    public Reconnector(Runnable reconnect, Scheduler scheduler, Backoff backoff) {
        this.reconnect = reconnect;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /** The stream works (it delivered a message): the next break waits the first delay again. */
    public synchronized void succeeded() {
        backoff.reset();
    }

    /**
     * The stream broke: reconnects after the current wait, and doubles the wait for the next break.
     *
     * @return the wait; {@link Duration#ZERO} once closed, when nothing is scheduled
     */
    public synchronized Duration retry() {
        if (closed) {
            return Duration.ZERO;
        }
        Duration wait = backoff.next();
        pending = scheduler.schedule(wait, this::attempt);
        return wait;
    }

    private void attempt() {
        synchronized (this) {
            pending = null;
            if (closed) {
                return;
            }
        }
        reconnect.run(); // outside the lock: it opens a stream, whose failure may call retry on another thread
    }

    /** No more attempts: a pending one is called off. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private static Scheduler sleepingOn(String threadName) {
        return (delay, task) -> {
            Thread t = Thread.ofVirtual().name(threadName).start(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return; // cancelled
                }
                task.run();
            });
            return t::interrupt;
        };
    }
}
