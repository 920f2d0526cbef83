package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionClockTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = 4_800;

    @Test
    void theClockCountsAudioHeardAndStartsOverWhenPositionsGoBack() {
        SessionClock clock = new SessionClock();
        clock.observe(RATE, 1_000_000, FRAMES, false);
        clock.observe(RATE, 1_000_000, FRAMES, false); // another tap of the same period
        assertTrue(clock.endBatch());
        assertEquals(0.1, clock.seconds(), 1e-12);
        clock.observe(RATE, 1_000_000 + 2 * FRAMES, FRAMES / 2, false); // a period lost before it
        assertFalse(clock.endBatch());
        assertEquals(0.15, clock.seconds(), 1e-12);
        clock.observe(RATE, 0, FRAMES / 2, true); // the adapter's counter started over
        assertTrue(clock.endBatch());
        assertEquals(0.2, clock.seconds(), 1e-12);
        clock.observe(RATE, FRAMES / 4, FRAMES / 4, false); // a lagging tap's block already counted
        assertFalse(clock.endBatch());
        assertEquals(0.2, clock.seconds(), 1e-12);
        clock.reanchor(); // a new adapter attached
        clock.observe(RATE, 0, FRAMES, false);
        assertTrue(clock.endBatch());
        assertEquals(0.3, clock.seconds(), 1e-12);
    }
}
