package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Events are hits, notes and words: counted once each, however long they ring. */
class EventCounterTest {
    private static final double THRESHOLD = Math.pow(10, -70 / 10.0);

    /** Frames of 50 ms, given by their level in dBFS (-Infinity: digital silence). */
    private static long count(double... frameDb) {
        EventCounter c = new EventCounter(THRESHOLD);
        for (double db : frameDb) {
            c.add(Double.isInfinite(db) ? 0 : Math.pow(10, db / 10));
        }
        return c.events();
    }

    @Test
    void aHitEveryBeatIsOneEventEach() {
        // 32 hits 600 ms apart: a hit at -20, decaying 12 dB a frame into -80 (below the signal threshold)
        double[] frames = new double[32 * 12];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = Math.max(-80, -20 - 12 * (i % 12));
        }
        assertEquals(32, count(frames));
    }

    @Test
    void aHeldToneIsOneEventAndSilenceIsNone() {
        double[] tone = new double[200];
        java.util.Arrays.fill(tone, -12);
        assertEquals(1, count(tone));
        double[] silence = new double[200];
        java.util.Arrays.fill(silence, Double.NEGATIVE_INFINITY);
        assertEquals(0, count(silence));
    }

    @Test
    void hitsOverASteadyFloorStillCount() {
        // hiss at -50, a hit at -15 every 500 ms ringing for 150 ms
        double[] frames = new double[10 * 20];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = i % 10 < 3 ? -15 - 4 * (i % 10) : -50;
        }
        assertEquals(20, count(frames));
    }

    @Test
    void aRiseTooSmallOrTooSoonIsNotANewEvent() {
        assertEquals(1, count(-30, -30, -30, -30, -24, -24), "a 6 dB rise is a louder note, not a new one");
        assertEquals(1, count(-80, -20, -80, -20), "within 100 ms of the last one");
    }
}
