package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentPeaksTest {
    @Test
    void aGapBetweenPhrasesDoesNotLowerThePeak() {
        RecentPeaks p = new RecentPeaks(100, 30);
        for (int i = 0; i < 40; i++) {
            p.observe("bvox/trim", -30);
        }
        for (int i = 0; i < 40; i++) {
            p.observe("bvox/trim", -38); // the 3 s meter window sits between two phrases
        }
        assertEquals(-30, p.peak("bvox/trim"), 1e-9);
        for (int i = 0; i < 100; i++) {
            p.observe("bvox/trim", -38);
        }
        assertEquals(-38, p.peak("bvox/trim"), 1e-9, "a window, not a hold: older peaks leave it");
    }

    @Test
    void aRestartForgetsThePastAndSettlesFirst() {
        RecentPeaks p = new RecentPeaks(100, 30);
        p.observe("kick/trim", -1.5);
        p.restart("kick/trim");
        for (int i = 0; i < 30; i++) {
            p.observe("kick/trim", -1.5); // the meter's 3 s window still holds pre-fix audio
        }
        assertTrue(Double.isNaN(p.peak("kick/trim")));
        p.observe("kick/trim", -9);
        assertEquals(-9, p.peak("kick/trim"), 1e-9);
        p.observe("kick/trim", Double.NaN);
        assertEquals(-9, p.peak("kick/trim"), 1e-9, "silence is no reading");
    }

    @Test
    void thePeakAskedAtEveryTickIsTheMaximumOfTheWindowThen() {
        RecentPeaks p = new RecentPeaks(100, 0);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        java.util.List<Double> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double peak = i % 150 < 20 ? -1 - i % 7 : random.nextDouble(-60, -20); // loud phrases that then leave
            p.observe("gtr/trim", peak);
            seen.add(peak);
            double expected = seen.subList(Math.max(0, seen.size() - 100), seen.size()).stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            assertEquals(expected, p.peak("gtr/trim"), 0, "tick " + i);
            assertEquals(expected, p.peak("gtr/trim"), 0, "asked again at tick " + i);
        }
    }
}
