package dev.gainstage.engine.rules;

import java.util.HashMap;
import java.util.Map;

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
    private final Map<String, Window> windows = new HashMap<>();

    /**
     * @param capacity ticks in the window
     * @param minimum  ticks needed before a delta is given
     * @param settle   ticks ignored after a restart: the short-term values still span audio from
     *                 before the change for as long as their own window (3 s)
     */
    public LoudnessDeltas(int capacity, int minimum, int settle) {
        this.capacity = capacity;
        this.minimum = minimum;
        this.settle = settle;
    }

    private static final class Window {
        final double[] in;
        final double[] out;
        int next;
        int count;
        int skip;

        Window(int capacity) {
            in = new double[capacity];
            out = new double[capacity];
        }
    }

    /** Adds one tick's short-term loudness in and out (LUFS). */
    public void observe(String stageId, double inLufs, double outLufs) {
        Window w = windows.computeIfAbsent(stageId, k -> new Window(capacity));
        if (w.skip > 0) {
            w.skip--;
            return;
        }
        w.in[w.next] = Math.pow(10, inLufs / 10);   // average power, not dB
        w.out[w.next] = Math.pow(10, outLufs / 10);
        w.next = (w.next + 1) % capacity;
        w.count = Math.min(capacity, w.count + 1);
    }

    /** Out minus in over the window, in dB; NaN until the window holds {@code minimum} ticks. */
    public double delta(String stageId) {
        Window w = windows.get(stageId);
        if (w == null || w.count < minimum) {
            return Double.NaN;
        }
        double in = 0;
        double out = 0;
        for (int i = 0; i < w.count; i++) {
            in += w.in[i];
            out += w.out[i];
        }
        return 10 * Math.log10(out / in);
    }

    public void restart(String stageId) {
        Window w = new Window(capacity);
        w.skip = settle;
        windows.put(stageId, w);
    }

    public void retainOnly(java.util.Set<String> stageIds) {
        windows.keySet().retainAll(stageIds);
    }
}
