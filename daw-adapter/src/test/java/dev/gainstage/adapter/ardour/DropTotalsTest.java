package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.ardour.jack.ChannelBuffer;
import dev.gainstage.adapter.ardour.jack.Fanout;
import dev.gainstage.proto.v1.TapDropReport;
import dev.gainstage.proto.v1.TapDrops;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DropTotalsTest {
    /** A plan of one mono source serving these handles. */
    static CapturePlan plan(int... handles) {
        FloatBuffer b = FloatBuffer.allocate(256);
        return new CapturePlan(
                List.<ChannelBuffer[]>of(new ChannelBuffer[] {() -> b}),
                List.of(new Fanout(handles, new float[handles.length])),
                Map.of(),
                48000,
                256,
                4);
    }

    /** Periods longer than the plan holds: dropped and counted by the plan's ring, deterministically. */
    static void ringDrops(CapturePlan plan, int n) {
        for (int i = 0; i < n; i++) {
            assertFalse(plan.capture(plan.maxFrames() + 1, 0));
        }
    }

    private static Map<Integer, Long> totals(TapDropReport r) {
        return r.getDropsList().stream().collect(Collectors.toMap(TapDrops::getHandle, TapDrops::getDroppedBlocks));
    }

    @Test
    void ringAndStreamDropsAddUpAcrossPlans() {
        DropTotals drops = new DropTotals();
        CapturePlan first = plan(1, 2);
        drops.follow(first);
        ringDrops(first, 3);
        drops.linkDropped(1);
        assertEquals(Map.of(1, 4L, 2, 3L), totals(drops.report()));
        assertEquals(Map.of(1, 4L, 2, 3L), totals(drops.report()), "a report counts nothing twice");

        ringDrops(first, 1); // after the last report, before the plan changes: still counted
        CapturePlan second = plan(1, 2); // a new format, say: the same handles, new counters
        drops.follow(second);
        ringDrops(second, 2);
        assertEquals(Map.of(1, 7L, 2, 6L), totals(drops.report()));

        drops.follow(null); // JACK went away
        CapturePlan third = plan(2); // and came back; the sidecar now wants only handle 2
        drops.follow(third);
        assertEquals(Map.of(2, 6L), totals(drops.report()));
    }
}
