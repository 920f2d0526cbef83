package dev.gainstage.engine.transport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that sends session views to watchers at their frame rate. Started and stopped with
 * the server, never by Guice, so building the injector has no side effects.
 */
public final class ViewPump {
    private ScheduledExecutorService executor;

    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gainstage-view-pump");
                t.setDaemon(true);
                return t;
            });
        }
    }

    public synchronized ScheduledFuture<?> every(long periodMillis, Runnable task) {
        if (executor == null) {
            throw new IllegalStateException("the view pump is not running");
        }
        return executor.scheduleAtFixedRate(task, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs a task on the pump's thread as soon as it is free; ignored once stopped. */
    synchronized void now(Runnable task) {
        if (executor != null) {
            executor.execute(task);
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
