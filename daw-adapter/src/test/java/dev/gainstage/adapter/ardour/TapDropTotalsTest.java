package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.link.QuietListener;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapDropReport;
import dev.gainstage.proto.v1.TapDrops;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.TapSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The drop counts the Ardour adapter reports are totals: a new capture plan (the sidecar changed its taps, the
 * server its format) starts new ring counters, but the totals it reports never go down.
 */
class TapDropTotalsTest {
    private static final int HANDLE = 1;

    @Test
    void totalsStayTotalsWhenANewPlanStartsItsCountersAtZero() throws Exception {
        TapSubscription sub = TapSubscription.newBuilder()
                .addTaps(TapAssignment.newBuilder()
                        .setHandle(HANDLE)
                        .setStageId("r1/p2")
                        .setPoint(TapPoint.TAP_POINT_OUTPUT))
                .build();
        try (RecordingSidecar sidecar = new RecordingSidecar(sub);
                SidecarLink link = new SidecarLink(sidecar.address(), new QuietListener())) {
            link.connect();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!link.taps().has(HANDLE) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertTrue(link.taps().has(HANDLE), "subscribed");

            AtomicReference<CapturePlan> plans = new AtomicReference<>(DropTotalsTest.plan(HANDLE));
            DropTotalsTest.ringDrops(plans.get(), 5);
            List<Long> reported = new ArrayList<>();
            try (TapStreamer streamer = new TapStreamer(plans::get, () -> link)) {
                awaitTotal(sidecar, 5, reported);
                plans.set(DropTotalsTest.plan(
                        HANDLE)); // the sidecar asked for other taps, say: a new plan, new ring counters
                DropTotalsTest.ringDrops(plans.get(), 2);
                awaitTotal(sidecar, 7, reported);
            }
        }
    }

    /** Reads drop reports until the handle's total is {@code want}; fails when a total goes down, or on a timeout. */
    private static void awaitTotal(RecordingSidecar sidecar, long want, List<Long> reported)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            TapDropReport r = sidecar.drops.poll(100, TimeUnit.MILLISECONDS);
            if (r == null) {
                continue;
            }
            for (TapDrops d : r.getDropsList()) {
                if (d.getHandle() == HANDLE) {
                    reported.add(d.getDroppedBlocks());
                    assertTrue(
                            reported.size() < 2 || reported.getLast() >= reported.get(reported.size() - 2),
                            "a total went down: " + reported);
                    if (d.getDroppedBlocks() == want) {
                        return;
                    }
                }
            }
        }
        assertEquals(want, reported.isEmpty() ? 0 : reported.getLast(), "the reported total: " + reported);
    }
}
