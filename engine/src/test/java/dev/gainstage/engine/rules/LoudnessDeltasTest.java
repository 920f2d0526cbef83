package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoudnessDeltasTest {
    @Test
    void theWindowAveragesPowerAndWaitsForItsMinimum() {
        LoudnessDeltas d = new LoudnessDeltas(10, 4, 3);
        d.observe("c", -20, -15);
        d.observe("c", -20, -15);
        d.observe("c", -20, -15);
        assertTrue(Double.isNaN(d.delta("c")), "3 of 4 ticks");
        d.observe("c", -20, -15);
        assertEquals(5.0, d.delta("c"), 1e-9);
        // A wandering pair (+4, +6) averages in power, not dB.
        LoudnessDeltas w = new LoudnessDeltas(2, 2, 0);
        w.observe("c", -20, -16);
        w.observe("c", -20, -14);
        assertEquals(
                10 * Math.log10((Math.pow(10, -1.6) + Math.pow(10, -1.4)) / (2 * Math.pow(10, -2.0))),
                w.delta("c"),
                1e-9);
    }

    @Test
    void aRestartSkipsTheSettleTicksAndForgetsTheOldValues() {
        LoudnessDeltas d = new LoudnessDeltas(10, 2, 3);
        for (int i = 0; i < 10; i++) {
            d.observe("c", -20, -14);
        }
        d.restart("c");
        d.observe("c", -20, -14); // still spans audio from before the fix
        d.observe("c", -20, -14);
        d.observe("c", -20, -14);
        d.observe("c", -20, -20);
        assertTrue(Double.isNaN(d.delta("c")));
        d.observe("c", -20, -20);
        assertEquals(0.0, d.delta("c"), 1e-9);
    }

    @Test
    void theWindowSlides() {
        LoudnessDeltas d = new LoudnessDeltas(3, 1, 0);
        for (int i = 0; i < 3; i++) {
            d.observe("c", -20, -10);
        }
        for (int i = 0; i < 3; i++) {
            d.observe("c", -20, -20);
        }
        assertEquals(0.0, d.delta("c"), 1e-9);
    }
}
