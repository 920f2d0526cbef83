package dev.gainstage.adapter.link;

import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.TapBatch;
import java.util.ArrayDeque;

/**
 * What a real-time producer does with its periods of taps while the stream to the sidecar cannot take them: it holds
 * up to {@link #MAX_HELD} periods and sends them, oldest first, as soon as the stream is ready again; past that it
 * drops the oldest. The limit is in periods, not bytes: a byte budget that covers a few periods of a large session
 * covers seconds of a small one (and so its latency), while {@value #MAX_HELD} periods are the same few tens of
 * milliseconds of audio for any session, enough for a sidecar's judge tick or a garbage collection to pass without a
 * drop. Never waits on its own: the producer keeps its pace (see {@link #waitUntil}). One producer thread.
 *
 * <p>The Ardour adapter's periods already wait in its JACK ring: it asks {@link #holds} with the ring's count instead.
 */
public final class PeriodBacklog {
    /** 8 periods: 43 ms of audio at 48 kHz and 256 frames. */
    public static final int MAX_HELD = 8;

    /** A period and when it was produced ({@link System#nanoTime}). */
    public record Period(TapBatch batch, long producedNanos) {}

    /** Hears of each period's fate. */
    public interface Outcome {
        void sent(Period p);

        void dropped(Period p);
    }

    private final SidecarLink link;
    private final Outcome outcome;
    private final ArrayDeque<Period> held = new ArrayDeque<>(MAX_HELD + 1);

    public PeriodBacklog(SidecarLink link, Outcome outcome) {
        this.link = link;
        this.outcome = outcome;
    }

    /**
     * Whether the oldest of {@code waiting} periods (it included) should wait for the stream rather than go now (sent,
     * or dropped when there is no stream or too many wait).
     */
    public static boolean holds(SidecarLink link, int waiting) {
        return waiting <= MAX_HELD && link.connected() && !link.isReady();
    }

    /** A new period: sent at once if the stream is ready (after those held), else held; the oldest dropped past the limit. */
    public void add(TapBatch batch, long producedNanos) {
        held.addLast(new Period(batch, producedNanos));
        flush();
        while (held.size() > MAX_HELD) {
            outcome.dropped(held.removeFirst());
        }
    }

    /** Sends the held periods the stream takes now, oldest first; with no stream at all they are dropped. */
    public void flush() {
        while (!held.isEmpty()) {
            if (holds(link, 0)) {
                return;
            }
            Period p = held.removeFirst();
            if (link.send(AdapterMessage.newBuilder().setTaps(p.batch()).build())) {
                outcome.sent(p);
            } else {
                outcome.dropped(p);
            }
        }
    }

    /** Periods held now. */
    public int size() {
        return held.size();
    }

    /** Until {@code dueNanos} ({@link System#nanoTime}): sends held periods as soon as the stream takes them. */
    public void waitUntil(long dueNanos) throws InterruptedException {
        while (true) {
            long left = dueNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (held.isEmpty() || left < 1_000_000) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                return;
            }
            if (link.awaitReady(left / 1_000_000)) {
                flush();
            }
        }
    }
}
