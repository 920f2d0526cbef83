package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The process callback's side of a plan change: the old plan's ports go only once no period can hold them. */
class TapProcessTest {
    private static final long PERIOD_NANOS = 5_333_333; // 256 frames at 48 kHz

    private static CapturePlan plan(ChannelBuffer channel) {
        return new CapturePlan(
                List.<ChannelBuffer[]>of(new ChannelBuffer[] {channel}),
                List.of(new Fanout(new int[] {1}, new float[] {1})),
                Map.of(),
                48000,
                256,
                4);
    }

    @Test
    void aPeriodStillReadingTheOldPlanHoldsItsPortsUntilTheNextPeriodHasRun() throws Exception {
        AtomicReference<CapturePlan> published = new AtomicReference<>();
        TapProcess process = new TapProcess(published, new JackFormat(published), false);
        CountDownLatch inOldPlan = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        FloatBuffer silence = FloatBuffer.allocate(256);
        published.set(plan(() -> {
            inOldPlan.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return silence;
        }));
        Thread callback = Thread.ofPlatform().start(() -> process.process(null, 256));
        assertTrue(inOldPlan.await(10, TimeUnit.SECONDS));

        // the control thread publishes the new plan, then waits before it unregisters the old one's ports
        published.set(plan(() -> silence));
        long mark = process.completed();
        CompletableFuture<Boolean> released = CompletableFuture.supplyAsync(() -> process.awaitPeriodsAfter(
                mark, JackTapClient.RELEASE_PERIODS, PERIOD_NANOS, TimeUnit.SECONDS.toNanos(30)));
        assertThrows(
                TimeoutException.class,
                () -> released.get(200, TimeUnit.MILLISECONDS),
                "the wait ended while a period held the old plan");

        letGo.countDown(); // the period that read the old plan ends
        callback.join();
        assertFalse(released.isDone(), "one period done: it may have been the one that read the old plan");
        process.process(null, 256); // a period that began after the change, with the new plan
        assertTrue(released.get(10, TimeUnit.SECONDS));
        assertEquals(2, process.capturedPeriods());
    }

    @Test
    void aServerThatStoppedCallingDoesNotHoldTheControlThreadForever() {
        AtomicReference<CapturePlan> published = new AtomicReference<>();
        TapProcess process = new TapProcess(published, new JackFormat(published), false);
        assertFalse(process.awaitPeriodsAfter(process.completed(), 2, PERIOD_NANOS, 50_000_000L));
    }
}
