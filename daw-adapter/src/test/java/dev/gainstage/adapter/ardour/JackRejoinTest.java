package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JackRejoinTest {
    private static final long S = 1_000_000_000L;
    private final JackRejoin rejoin = new JackRejoin();

    @Test
    void joinsOnlyOnceArdourHasReported() {
        assertFalse(rejoin.due(10 * S, false, 0, 0), "no report yet: Ardour may still be loading");
        assertTrue(rejoin.due(11 * S, false, 11 * S, 0));
    }

    @Test
    void triesAgainAtMostEveryTwoSeconds() {
        assertTrue(rejoin.due(10 * S, false, 10 * S, 0));
        assertFalse(rejoin.due(11 * S, false, 11 * S, 0));
        assertTrue(rejoin.due(12 * S, false, 12 * S, 0));
    }

    @Test
    void anOpenClientNeedsNothing() {
        assertFalse(rejoin.due(10 * S, true, 10 * S, 0));
    }

    @Test
    void afterALossWaitsForAReportThatCameLater() {
        long lost = 20 * S;
        assertFalse(rejoin.due(30 * S, false, 19 * S, lost), "Ardour has not reported since: it may be loading");
        assertFalse(rejoin.due(40 * S, false, 19 * S, lost));
        assertTrue(rejoin.due(41 * S, false, 41 * S, lost), "Ardour reports again: it runs on the server that is back");
    }
}
