package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.ChannelLevel;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taps of the mirrored graph: a stable handle per tap (1, 2, 3 ... never reused, so a block of
 * an old plan can never reach a new tap's meter), the meter behind each handle, and the blocks the
 * adapter reported dropped. Owned by the session's adapter side (its lock).
 */
final class TapPlan {
    private final MeterOptions meterOptions;
    private final Map<TapKey, Integer> handles = new HashMap<>();
    private final Map<Integer, TapMeter> metersByHandle = new HashMap<>();
    private final Map<String, Long> dropsByStage = new HashMap<>();
    private TapMeter[] metersIndexed = new TapMeter[0];
    private int nextHandle = 1;

    TapPlan(MeterOptions meterOptions) {
        this.meterOptions = meterOptions;
    }

    /**
     * Gives every tap of {@code graph} a handle and a meter in the mode its role asks for ({@link TapModes}:
     * a kept tap whose role changed switches mode from its next block); meters of taps gone are dropped.
     */
    Map<Integer, TapKey> follow(SessionGraph graph) {
        Map<Integer, TapKey> plan = new LinkedHashMap<>();
        Map<TapKey, MeterMode> modes = TapModes.of(graph);
        for (TapKey key : graph.tapKeys()) {
            int handle = handles.computeIfAbsent(key, k -> nextHandle++);
            plan.put(handle, key);
            MeterMode mode = modes.get(key);
            metersByHandle
                    .computeIfAbsent(handle, h -> new TapMeter(key, meterOptions, mode))
                    .mode(mode);
        }
        metersByHandle.keySet().retainAll(plan.keySet());
        // Handles are small and dense: an array finds a block's meter without boxing its handle,
        // which showed up under load.
        TapMeter[] indexed = new TapMeter[nextHandle];
        metersByHandle.forEach((h, m) -> indexed[h] = m);
        metersIndexed = indexed;
        return plan;
    }

    boolean isEmpty() {
        return metersByHandle.isEmpty();
    }

    /** The meter of a subscribed tap, or null. */
    TapMeter meterFor(int handle) {
        return handle > 0 && handle < metersIndexed.length ? metersIndexed[handle] : null;
    }

    /** The meter of a tap of the plan, or null. */
    TapMeter meterFor(TapKey key) {
        Integer handle = handles.get(key);
        return handle == null ? null : metersByHandle.get(handle);
    }

    /** What every tap that has had audio reads now. */
    Map<TapKey, MeterReading> readings() {
        Map<TapKey, MeterReading> readings = new HashMap<>();
        for (TapMeter m : metersByHandle.values()) {
            if (m.measured()) {
                readings.put(m.key, m.meter().reading());
            }
        }
        return readings;
    }

    /** Each measured multichannel tap's peaks per channel (mono taps have their combined figures only). */
    Map<TapKey, List<ChannelLevel>> channelLevels() {
        Map<TapKey, List<ChannelLevel>> levels = new HashMap<>();
        for (TapMeter m : metersByHandle.values()) {
            if (m.measured() && m.meter().channels() > 1) {
                levels.put(m.key, m.meter().channelLevels());
            }
        }
        return levels;
    }

    /** The adapter's totals of dropped blocks, per handle, since it attached. */
    void dropped(Map<Integer, Long> droppedByHandle) {
        for (Map.Entry<Integer, Long> e : droppedByHandle.entrySet()) {
            TapMeter m = metersByHandle.get(e.getKey());
            if (m != null) {
                m.droppedBlocks = e.getValue();
            }
        }
        dropsByStage.clear();
        for (TapMeter m : metersByHandle.values()) {
            if (m.droppedBlocks > 0) {
                dropsByStage.merge(m.key.stageId(), m.droppedBlocks, Long::sum);
            }
        }
    }

    /** Dropped blocks per stage id; the caller copies it. */
    Map<String, Long> drops() {
        return dropsByStage;
    }
}
