package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.link.QuietListener;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.TapSubscription;
import dev.gainstage.proto.v1.TransportState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The streamer's thread outlives a failure: a period that could not go out is skipped and the taps go on (in CI, taps
 * once stopped for good after Ardour restarted, with nothing in the log to say why); and a link closed under it says
 * "not sent" rather than throw.
 */
class TapStreamerFailuresTest {
    private static final int HANDLE = 1;
    private static final TapSubscription SUBSCRIPTION = TapSubscription.newBuilder()
            .addTaps(TapAssignment.newBuilder()
                    .setHandle(HANDLE)
                    .setStageId("r1/p2")
                    .setPoint(TapPoint.TAP_POINT_OUTPUT))
            .build();

    @Test
    void aPeriodThatFailsIsSkippedAndTheTapsGoOn() throws Exception {
        try (RecordingSidecar sidecar = new RecordingSidecar(SUBSCRIPTION);
                SidecarLink link = subscribed(sidecar)) {
            CapturePlan plan = DropTotalsTest.plan(HANDLE);
            AtomicInteger calls = new AtomicInteger();
            Supplier<SidecarLink> failingOnce = () -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("a link being replaced");
                }
                return link;
            };
            assertTrue(plan.capture(256, 0));
            assertTrue(plan.capture(256, 256));
            try (TapStreamer streamer = new TapStreamer(() -> plan, failingOnce)) {
                TapBatch first = sidecar.batches.poll(30, TimeUnit.SECONDS);
                assertNotNull(first, "taps went on after the failure");
                // the period that failed was skipped, the next one sent
                assertEquals(256, first.getBlocks(0).getSamplePosition());
                assertTrue(plan.capture(256, 512));
                TapBatch next = sidecar.batches.poll(30, TimeUnit.SECONDS);
                assertNotNull(next, "and after that");
                assertEquals(512, next.getBlocks(0).getSamplePosition());
                assertEquals(1, streamer.failures());
            }
        }
    }

    @Test
    void aLinkBeingClosedRefusesAMessageRatherThanThrow() throws Exception {
        // The sidecar does not answer the end of the stream, so close() waits for the channel for a while: the time a
        // producer that took the link just before it was replaced has to send on it.
        try (RecordingSidecar sidecar = new RecordingSidecar(SUBSCRIPTION, true)) {
            SidecarLink link = subscribed(sidecar);
            Thread closing = Thread.ofPlatform().start(link::close);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (link.isReady() && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            assertFalse(link.isReady(), "the stream was ended");
            assertTrue(closing.isAlive(), "close() still waits for the channel");
            assertFalse(link.send(AdapterMessage.newBuilder()
                    .setTransport(TransportState.newBuilder().setRolling(true))
                    .build()));
            assertFalse(link.connected());
            closing.join();
        }
    }

    private static SidecarLink subscribed(RecordingSidecar sidecar) throws InterruptedException {
        SidecarLink link = new SidecarLink(sidecar.address(), new QuietListener());
        link.connect();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!link.taps().has(HANDLE) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(link.taps().has(HANDLE), "subscribed");
        return link;
    }
}
