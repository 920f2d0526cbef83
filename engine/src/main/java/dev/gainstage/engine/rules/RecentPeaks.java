package dev.gainstage.engine.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The highest sample peak of a stage's output over a longer window (10 s by default) than the
 * meter's own 3 s: a source is judged on its phrases, not on the gap between two of them. Restarted
 * when the stage changes, so a new trim is judged on audio after it. Owned by the session's thread.
 */
public final class RecentPeaks {
    private final int capacity;
    private final int settle;
    private final Map<String, TickRing> windows = new HashMap<>();

    public RecentPeaks(int capacity, int settle) {
        this.capacity = capacity;
        this.settle = settle;
    }

    /** Adds one tick's 3 s sample peak (dBFS) of a stage's output; NaN (silence) is skipped. */
    public void observe(String stageId, double peakDbfs) {
        if (!Double.isNaN(peakDbfs)) {
            windows.computeIfAbsent(stageId, k -> new TickRing(capacity, 0)).add(peakDbfs);
        }
    }

    /** The peak over the window, NaN when nothing has been observed since the last restart. */
    public double peak(String stageId) {
        TickRing r = windows.get(stageId);
        return r == null ? Double.NaN : r.max();
    }

    public void restart(String stageId) {
        windows.put(stageId, new TickRing(capacity, settle));
    }

    public void retainOnly(Set<String> stageIds) {
        windows.keySet().retainAll(stageIds);
    }
}
