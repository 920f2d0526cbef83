package dev.gainstage.adapter.link;

import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.TapSubscription;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The taps the sidecar asked for: (stage id, point) to handle. Immutable; replaced whole on a new subscription. */
public final class TapTable {
    public static final TapTable EMPTY = new TapTable(Map.of(), 0, Set.of());

    private final Map<String, int[]> handles; // stage id -> {input handle, output handle}, 0 = not wanted
    private final int size;
    private final Set<Integer> all;

    private TapTable(Map<String, int[]> handles, int size, Set<Integer> all) {
        this.handles = handles;
        this.size = size;
        this.all = all;
    }

    public static TapTable of(TapSubscription sub) {
        Map<String, int[]> m = new HashMap<>();
        Set<Integer> all = new HashSet<>();
        for (TapAssignment a : sub.getTapsList()) {
            all.add(a.getHandle());
            int[] pair = m.computeIfAbsent(a.getStageId(), k -> new int[2]);
            pair[a.getPoint() == TapPoint.TAP_POINT_INPUT ? 0 : 1] = a.getHandle();
        }
        return new TapTable(Map.copyOf(m), sub.getTapsCount(), Set.copyOf(all));
    }

    /** The handle of a tap, 0 when the sidecar does not want it. */
    public int handle(String stageId, TapPoint point) {
        int[] pair = handles.get(stageId);
        return pair == null ? 0 : pair[point == TapPoint.TAP_POINT_INPUT ? 0 : 1];
    }

    /** Whether the sidecar gave out this handle (and so accepts blocks with it). */
    public boolean has(int handle) {
        return all.contains(handle);
    }

    public int size() {
        return size;
    }
}
