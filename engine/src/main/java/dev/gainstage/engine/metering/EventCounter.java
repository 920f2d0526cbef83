package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * Counts a signal's events: hits, notes, words. An event is a 50 ms frame above the signal threshold that rises at
 * least {@value #RISE_DB} dB above the quietest of the {@value #LOOKBACK} frames before it, at least
 * {@value #REFRACTORY} frames after the last event. Sparse material (a snare hit every bar, a few words) is judged by
 * how many events it has given, where seconds of signal would take a whole song to gather. Allocation-free.
 */
final class EventCounter {
    static final double RISE_DB = 10;
    static final int LOOKBACK = 4;
    static final int REFRACTORY = 2;
    private static final double RISE_POWER = Math.pow(10, RISE_DB / 10);

    private final double threshold;
    private final double[] previous = new double[LOOKBACK];
    private int at;
    private int sinceEvent = REFRACTORY;
    private long events;

    /** @param thresholdPower the mean square below which a frame is silence, not signal */
    EventCounter(double thresholdPower) {
        this.threshold = thresholdPower;
        reset();
    }

    /** Adds one 50 ms frame as its mean square across channels. */
    void add(double meanSquare) {
        double quietest = Double.POSITIVE_INFINITY;
        for (double p : previous) {
            quietest = Math.min(quietest, p);
        }
        double last = previous[(at + LOOKBACK - 1) % LOOKBACK];
        sinceEvent++;
        if (meanSquare > threshold
                && meanSquare > last
                && sinceEvent > REFRACTORY
                && meanSquare >= quietest * RISE_POWER) {
            events++;
            sinceEvent = 0;
        }
        previous[at] = meanSquare > 0 && Double.isFinite(meanSquare) ? meanSquare : 0;
        at = (at + 1) % LOOKBACK;
    }

    long events() {
        return events;
    }

    void reset() {
        // as if preceded by silence: the first sound is an event
        Arrays.fill(previous, 0);
        at = 0;
        sinceEvent = REFRACTORY;
        events = 0;
    }
}
