package dev.gainstage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconnectorTest {
    /** A scheduler that runs nothing by itself: the test runs the due attempts. */
    private static final class ManualScheduler implements Reconnector.Scheduler {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> due = new ArrayList<>();
        int cancelled;

        @Override
        public Reconnector.Cancellable schedule(Duration delay, Runnable task) {
            delays.add(delay);
            due.add(task);
            return () -> cancelled++;
        }

        void runDue() {
            List<Runnable> now = List.copyOf(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void eachBreakReconnectsAfterALongerWaitUntilAStreamWorks() {
        ManualScheduler scheduler = new ManualScheduler();
        AtomicInteger attempts = new AtomicInteger();
        Reconnector r = new Reconnector(attempts::incrementAndGet, scheduler, new Backoff());

        r.retry();
        assertEquals(0, attempts.get(), "nothing before the wait is over");
        scheduler.runDue();
        r.retry();
        scheduler.runDue();
        r.retry();
        scheduler.runDue();
        assertEquals(3, attempts.get());
        r.succeeded();
        r.retry();
        scheduler.runDue();

        assertEquals(
                List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(250)),
                scheduler.delays);
        assertEquals(4, attempts.get());
    }

    @Test
    void closingCallsOffThePendingAttemptAndSchedulesNoMore() {
        ManualScheduler scheduler = new ManualScheduler();
        AtomicInteger attempts = new AtomicInteger();
        Reconnector r = new Reconnector(attempts::incrementAndGet, scheduler, new Backoff());

        r.retry();
        r.close();
        assertEquals(1, scheduler.cancelled);
        scheduler.runDue(); // a scheduler that ran the attempt anyway: it must not reconnect
        assertEquals(Duration.ZERO, r.retry());
        assertEquals(0, attempts.get());
        assertEquals(1, scheduler.delays.size());
    }

    @Test
    void theDefaultSchedulerReconnectsAfterTheWaitAndCloseInterruptsIt() throws Exception {
        CountDownLatch reconnected = new CountDownLatch(1);
        Reconnector r = new Reconnector("test-reconnect", reconnected::countDown);
        r.retry();
        assertTrue(reconnected.await(10, TimeUnit.SECONDS), "reconnected after the first wait");

        AtomicInteger late = new AtomicInteger();
        Reconnector closed = new Reconnector("test-reconnect", late::incrementAndGet);
        closed.retry();
        closed.close();
        Thread.sleep(Backoff.FIRST.toMillis() * 3);
        assertEquals(0, late.get(), "a closed reconnector does not reconnect");
    }
}
