package dev.gainstage.adapter.ardour;

/**
 * When the adapter (re)joins JACK. Only after Ardour has reported (so after it loaded its session): a client appearing
 * while Ardour 7.3 loads a session on JACK2 1.9.21 corrupts Ardour's JACK request channel ("CheckSize error" in jackd,
 * then "JACK HALTED" in Ardour). After the server shut the client down, that means a report that came after the loss:
 * Ardour lost JACK too, and reports again only once it runs on the server that is back; rejoining as soon as the server
 * is up would be while Ardour loads. Then at most once per {@link #RETRY_NANOS}. Times are {@link System#nanoTime}
 * values; one caller thread.
 */
final class JackRejoin {
    static final long RETRY_NANOS = 2_000_000_000L;

    private boolean tried;
    private long lastTry;

    /**
     * Whether to try now; counts as a try when it says yes.
     *
     * @param lastReport when the bridge's last report was handled (0: none yet)
     * @param lost       when the server last shut the client down (0: never)
     */
    boolean due(long now, boolean open, long lastReport, long lost) {
        if (open || lastReport == 0 || (lost != 0 && lastReport - lost <= 0)) {
            return false;
        }
        if (tried && now - lastTry < RETRY_NANOS) {
            return false;
        }
        tried = true;
        lastTry = now;
        return true;
    }
}
