package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.proto.v1.TapDropReport;
import dev.gainstage.proto.v1.TapDrops;
import java.util.HashMap;
import java.util.Map;

/**
 * The tap blocks dropped per handle over the adapter's run, as the sidecar is told them: totals that never go
 * down. Blocks go missing in two places: the real-time side's ring (counted by each {@link CapturePlan}, whose
 * counters start at zero with every new plan) and the sidecar's stream (counted here). A new plan's counters
 * are added to what the old ones had reached. Used by the tap streamer's thread only.
 */
final class DropTotals {
    private final Map<Integer, Long> totals = new HashMap<>();
    private CapturePlan plan;
    /** Per source of {@link #plan}: how much of its ring counter is in {@link #totals} already. */
    private long[] ringCounted = new long[0];

    /** The stream could not take a block of this handle. */
    void linkDropped(int handle) {
        totals.merge(handle, 1L, Long::sum);
    }

    /** The plan the ring drops are counted from now on; what the previous one counted stays in the totals. */
    void follow(CapturePlan next) {
        foldRingDrops();
        plan = next;
        ringCounted = new long[next == null ? 0 : next.sources()];
    }

    /** The totals of the current plan's handles (those with drops), with its ring's latest counts. */
    TapDropReport report() {
        foldRingDrops();
        TapDropReport.Builder r = TapDropReport.newBuilder();
        for (int s = 0; plan != null && s < plan.sources(); s++) {
            for (int handle : plan.fanout(s).handles()) {
                long total = totals.getOrDefault(handle, 0L);
                if (total > 0) {
                    r.addDrops(TapDrops.newBuilder().setHandle(handle).setDroppedBlocks(total));
                }
            }
        }
        return r.build();
    }

    private void foldRingDrops() {
        for (int s = 0; plan != null && s < plan.sources(); s++) {
            long now = plan.ringDrops(s);
            long fresh = now - ringCounted[s];
            if (fresh > 0) {
                ringCounted[s] = now;
                for (int handle : plan.fanout(s).handles()) {
                    totals.merge(handle, fresh, Long::sum);
                }
            }
        }
    }
}
