package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.JackGraph;

/** What the JACK client tests wait for: a port in the graph, a captured period with the test's signal in it. */
final class TapSignals {
    private TapSignals() {}

    /** Drains the current plan's ring until a period of {@code frames} frames with audio in it, within 10 s. */
    static TapRing.Period nextPeriodWithSignal(JackTapClient taps, int frames) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            CapturePlan plan = taps.plan();
            TapRing.Period p = plan == null ? null : plan.ring().peek();
            if (p == null) {
                Thread.sleep(2);
                continue;
            }
            boolean signal = false;
            for (int i = 0; i < p.frames(); i++) {
                signal |= Math.abs(p.samples()[i]) > 0.01f;
            }
            if (p.frames() == frames && signal && plan.settled(0, p.position())) {
                return p; // still valid: the ring is not released before the caller reads it
            }
            plan.ring().release();
        }
        throw new AssertionError("no period of " + frames + " frames with the signal in it within 10 s (plan "
                + taps.plan().maxFrames() + " frames, " + taps.plan().ringDrops(0) + " dropped)");
    }

    static void waitForPort(JackGraph jack, String port) throws Exception {
        for (int i = 0; i < 100 && !jack.ports().contains(port); i++) {
            Thread.sleep(100);
        }
        assertTrue(jack.ports().contains(port), port + " did not appear: " + jack.ports());
    }
}
