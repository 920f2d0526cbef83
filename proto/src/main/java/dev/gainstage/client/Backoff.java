package dev.gainstage.client;

import java.time.Duration;

/**
 * The waits between reconnect attempts: the first wait, doubled after every failed attempt up to a ceiling, and
 * back to the first once a connection works. Not thread-safe: {@link Reconnector} guards it.
 */
public final class Backoff {
    /** The first wait: short enough that a sidecar restart goes unnoticed. */
    public static final Duration FIRST = Duration.ofMillis(250);
    /** The longest wait: a client notices within this long that the sidecar is back. */
    public static final Duration MAX = Duration.ofSeconds(5);

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff() {
        this(FIRST, MAX);
    }

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, not " + first + ", " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next attempt; the one after it is twice as long (at most the ceiling). */
    public Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** A connection worked: the next failure waits the first delay again. */
    public void reset() {
        next = first;
    }
}
