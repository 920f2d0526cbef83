package dev.gainstage.adapter.ardour;

import java.time.Duration;

/**
 * How long a fix waits for Ardour and how close is close enough.
 *
 * @param stripListTimeout how long Ardour's OSC surface has to answer {@code /strip/list}
 * @param showTimeout      how long Ardour has to show the new value in the bridge's report after it was sent
 * @param pollInterval     how often the latest report is checked meanwhile
 * @param atLimitDb        a clamped change smaller than this is no change: the gain is at its limit
 * @param shownToleranceDb how far the reported value may be from the one sent (Ardour rounds)
 */
public record FixPolicy(
        Duration stripListTimeout,
        Duration showTimeout,
        Duration pollInterval,
        double atLimitDb,
        double shownToleranceDb) {
    public static final FixPolicy DEFAULT =
            new FixPolicy(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(50), 0.05, 0.1);
}
