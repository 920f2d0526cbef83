package dev.gainstage.panel.overview;

import java.util.HashMap;
import java.util.Map;

/**
 * Clip indicators that stay lit once a stage's input or output went over 0 dBFS, until the user
 * clicks them. The view's peak is the maximum of the last 3 s, so an over seen before a reset is
 * still in it for up to 3 s: after a reset only a higher peak, or any over 3 s of audio later,
 * lights the indicator again. Times are the session's audio time. EDT only.
 */
public final class ClipLatches {
    /** How long an over stays in the view's sample peak, in seconds of audio. */
    static final double PEAK_WINDOW_SECONDS = 3.0;

    public enum Tap {
        INPUT,
        OUTPUT
    }

    private static final class Latch {
        boolean lit;
        double resetAt = Double.NEGATIVE_INFINITY;
        double peakAtReset = Double.NEGATIVE_INFINITY;
    }

    /** Per stage: the input's latch and the output's, indexed by {@link Tap#ordinal()}. */
    private final Map<String, Latch[]> latches = new HashMap<>();

    /** Takes one tap's sample peak (dBFS, NaN without signal) at an audio time. */
    public void observe(String stageId, Tap tap, double peakDb, double audioSeconds) {
        if (Double.isNaN(peakDb) || peakDb <= 0) {
            return;
        }
        Latch l = latches.computeIfAbsent(stageId, k -> new Latch[] {new Latch(), new Latch()})[tap.ordinal()];
        if (l.lit) {
            return;
        }
        boolean staleOver = audioSeconds - l.resetAt < PEAK_WINDOW_SECONDS && peakDb <= l.peakAtReset;
        if (!staleOver) {
            l.lit = true;
        }
    }

    public boolean lit(String stageId, Tap tap) {
        Latch[] l = latches.get(stageId);
        return l != null && l[tap.ordinal()].lit;
    }

    /** Puts out both indicators of a stage; {@code inPeak}/{@code outPeak} are the peaks showing now. */
    public void reset(String stageId, double inPeak, double outPeak, double audioSeconds) {
        Latch[] l = latches.get(stageId);
        if (l != null) {
            reset(l[Tap.INPUT.ordinal()], inPeak, audioSeconds);
            reset(l[Tap.OUTPUT.ordinal()], outPeak, audioSeconds);
        }
    }

    private static void reset(Latch l, double peak, double audioSeconds) {
        l.lit = false;
        l.resetAt = audioSeconds;
        l.peakAtReset = Double.isNaN(peak) ? Double.NEGATIVE_INFINITY : peak;
    }

    /** Forgets every indicator (another session was attached). */
    public void clear() {
        latches.clear();
    }
}
