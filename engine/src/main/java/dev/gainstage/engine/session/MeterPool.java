package dev.gainstage.engine.session;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Spreads the metering of one batch of tap blocks over the machine's cores. One adapter stream is
 * handled by one thread at a time, and at a few hundred taps metering is most of its work: on one
 * core a 512-tap session needed about 85% of that core, so any hiccup became dropped blocks.
 *
 * <p>The caller meters too: it publishes the batch, wakes the helpers and claims chunks of indices
 * from a shared cursor like they do, so a helper that wakes late costs nothing but its wake-up, and
 * the batch is never slower than the caller alone. {@link #forEach} returns once every index is
 * done; the completion counter gives the happens-before edges, so the caller's lock still covers
 * the meters. (A fork/join pool was tried first: the caller only waited, and one worker ended up
 * doing all the work.) While one session's batch holds the helpers, another session meters its
 * batch on its own thread. Helper threads start on the first large batch, not when the pool is made.
 */
public final class MeterPool implements AutoCloseable {
    /** Below this many samples in a batch the caller meters it alone (about 64 mono 256-frame taps). */
    static final int MIN_PARALLEL_SAMPLES = 16_384;
    /** Indices claimed at a time: few enough claims, small enough to even out at the end. */
    private static final int CHUNK = 8;

    private static final MeterPool INLINE = new MeterPool(1);

    private final int parallelism;
    private final ReentrantLock inUse = new ReentrantLock();
    private final AtomicReference<Job> current = new AtomicReference<>();
    private Thread[] helpers;
    private volatile boolean closed;

    /** @param parallelism threads to meter on, the caller included; 1 meters every batch on the caller */
    public MeterPool(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
        }
        this.parallelism = parallelism;
    }

    /** Meters every batch on the caller; shared, as it holds no threads. */
    public static MeterPool inline() {
        return INLINE;
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code body} for every index in {@code [0, count)}, each exactly once, and returns when
     * all are done. {@code samples} (the batch's total) decides whether the batch is worth sharing.
     * An index that throws does not stop the others (each index is a tap's meter, and one failing
     * must not leave the rest of the batch unmetered): once every index ran, the first exception or
     * error {@code body} threw is rethrown here, as it was thrown.
     */
    public void forEach(int count, long samples, IntConsumer body) {
        if (parallelism == 1 || samples < MIN_PARALLEL_SAMPLES || count < 2 * CHUNK || closed || !inUse.tryLock()) {
            rethrow(run(body, 0, count, null));
            return;
        }
        try {
            startHelpers();
            Job job = new Job(body, count, Thread.currentThread());
            current.set(job);
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            job.work();
            while (job.completed.get() < count) {
                // the last helper to finish unparks us; the timeout only bounds a wake-up lost some other way.
                // (A 20 µs poll woke the caller again and again while it waited: on two cores, CPU the helpers need.)
                LockSupport.parkNanos(this, 1_000_000);
            }
            current.compareAndSet(job, null);
            rethrow(job.failure.get());
        } finally {
            inUse.unlock();
        }
    }

    /** Runs {@code body} for {@code [from, to)}, every index even after one throws; the first failure, or {@code first}. */
    private static Throwable run(IntConsumer body, int from, int to, Throwable first) {
        Throwable failure = first;
        for (int i = from; i < to; i++) {
            try {
                body.accept(i);
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        return failure;
    }

    private static void rethrow(Throwable failure) {
        switch (failure) {
            case null -> {}
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure); // body cannot throw checked exceptions
        }
    }

    private void startHelpers() {
        if (helpers != null) {
            return;
        }
        Thread[] started = new Thread[parallelism - 1];
        for (int i = 0; i < started.length; i++) {
            started[i] = new Thread(this::help, "gainstage-meter-" + (i + 1));
            started[i].setDaemon(true);
            started[i].start();
        }
        helpers = started;
    }

    /** A helper: sleeps until a job is published, works on it, sleeps again. */
    private void help() {
        Job seen = null;
        while (!closed) {
            Job job = current.get();
            if (job == null || job == seen) {
                LockSupport.park(this);
                continue;
            }
            seen = job;
            job.work();
        }
    }

    @Override
    public void close() {
        closed = true;
        inUse.lock();
        try {
            if (helpers != null) {
                for (Thread h : helpers) {
                    LockSupport.unpark(h);
                }
            }
        } finally {
            inUse.unlock();
        }
    }

    /** One batch: a cursor to claim chunks from and a count of the indices done. */
    private static final class Job {
        final IntConsumer body;
        final int count;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        /** The first failure of any thread; helpers catch theirs so that the caller hears of it, and is not left waiting. */
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(IntConsumer body, int count, Thread caller) {
            this.body = body;
            this.count = count;
            this.caller = caller;
        }

        void work() {
            int from;
            while ((from = next.getAndAdd(CHUNK)) < count) {
                int to = Math.min(count, from + CHUNK);
                Throwable failed = run(body, from, to, null);
                if (failed != null) {
                    failure.compareAndSet(null, failed);
                }
                if (completed.addAndGet(to - from) == count && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
