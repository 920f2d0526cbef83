package dev.gainstage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsDoubleFrom250MillisUpToFiveSeconds() {
        Backoff b = new Backoff();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(b.next().toMillis());
        }
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), waits);
    }

    @Test
    void aWorkingConnectionStartsTheWaitsOver() {
        Backoff b = new Backoff();
        b.next();
        b.next();
        b.next();
        b.reset();
        assertEquals(Duration.ofMillis(250), b.next());
        assertEquals(Duration.ofMillis(500), b.next());
    }

    @Test
    void refusesACeilingBelowTheFirstWait() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
