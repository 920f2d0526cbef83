package dev.gainstage.engine.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A plugin's loudness change, in versus out, averaged over the same sliding window of short-term
 * values (10 s by default). One 3 s short-term pair wanders by ±0.5 dB on phrased material through a
 * compressor, which would make a 1 dB rule raise and clear by chance; the window steadies it. A
 * window restarts when the stage changes (a fix, a gain or activation change), so a fix is judged
 * on audio after it only. Owned by the session's thread.
 */
public final class LoudnessDeltas {
    private final int capacity;
    private final int minimum;
    private final int settle;
    private final Map<String, TickRing[]> windows = new HashMap<>();

    /**
     * @param capacity ticks in the window
     * @param minimum  ticks needed before a delta is given
     * @param settle   ticks ignored after a restart (see {@link TickRing})
     */
    public LoudnessDeltas(int capacity, int minimum, int settle) {
        this.capacity = capacity;
        this.minimum = minimum;
        this.settle = settle;
    }

    /** Adds one tick's short-term loudness in and out (LUFS), averaged as power, not dB. */
    public void observe(String stageId, double inLufs, double outLufs) {
        TickRing[] w = windows.computeIfAbsent(
                stageId, k -> new TickRing[] {new TickRing(capacity, 0), new TickRing(capacity, 0)});
        w[0].add(Math.pow(10, inLufs / 10));
        w[1].add(Math.pow(10, outLufs / 10));
    }

    /** Out minus in over the window, in dB; NaN until the window holds {@code minimum} ticks. */
    public double delta(String stageId) {
        TickRing[] w = windows.get(stageId);
        if (w == null || w[0].count() < minimum) {
            return Double.NaN;
        }
        return 10 * Math.log10(w[1].sum() / w[0].sum());
    }

    public void restart(String stageId) {
        windows.put(stageId, new TickRing[] {new TickRing(capacity, settle), new TickRing(capacity, settle)});
    }

    public void retainOnly(Set<String> stageIds) {
        windows.keySet().retainAll(stageIds);
    }
}
