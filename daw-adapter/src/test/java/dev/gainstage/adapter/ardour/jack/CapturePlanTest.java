package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real-time half of the taps: what the JACK process callback runs each period. */
class CapturePlanTest {
    @Test
    void interleavesEverySourceIntoOnePeriod() {
        FloatBuffer mono = FloatBuffer.wrap(new float[] {1, 2, 3, 4});
        FloatBuffer left = FloatBuffer.wrap(new float[] {10, 11, 12, 13});
        FloatBuffer right = FloatBuffer.wrap(new float[] {20, 21, 22, 23});
        CapturePlan plan = new CapturePlan(
                List.of(new ChannelBuffer[] {() -> mono}, new ChannelBuffer[] {() -> left, () -> right}),
                List.of(new Fanout(new int[] {1}, new float[] {1}), new Fanout(new int[] {2, 3}, new float[] {1, 0.5f
                })),
                Map.of(),
                48000,
                8,
                4);
        assertTrue(plan.capture(4, 1024));
        TapRing.Period p = plan.ring().peek();
        assertNotNull(p);
        assertEquals(4, p.frames());
        assertEquals(1024, p.position());
        float[] expected = {1, 2, 3, 4, 10, 20, 11, 21, 12, 22, 13, 23};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], p.samples()[i], "sample " + i);
        }
        plan.ring().release();
        assertNull(plan.ring().peek());
    }

    @Test
    void dropsAndCountsWhenTheConsumerLags() {
        FloatBuffer b = FloatBuffer.allocate(256);
        CapturePlan plan = new CapturePlan(
                List.<ChannelBuffer[]>of(new ChannelBuffer[] {() -> b}),
                List.of(new Fanout(new int[] {7}, new float[] {1})),
                Map.of(),
                48000,
                256,
                4);
        for (int i = 0; i < 10; i++) {
            plan.capture(256, i * 256L);
        }
        assertEquals(4, plan.ring().size());
        assertEquals(6, plan.ringDrops(0));
        assertEquals(0, plan.ring().peek().position(), "the oldest periods are kept, the newest dropped");
        assertFalse(plan.capture(256, 10 * 256L), "the ring is full");
        assertFalse(plan.capture(CapturePlan.MIN_PERIOD_CAPACITY + 1, 0)); // longer than the plan holds: not overrun
        assertEquals(8, plan.ringDrops(0));
    }

    @Test
    void capturingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ChannelBuffer[][] sources = new ChannelBuffer[64][];
        Fanout[] fanouts = new Fanout[64];
        for (int s = 0; s < sources.length; s++) {
            FloatBuffer l = FloatBuffer.allocate(256);
            FloatBuffer r = FloatBuffer.allocate(256);
            sources[s] = new ChannelBuffer[] {() -> l, () -> r};
            fanouts[s] = new Fanout(new int[] {s + 1}, new float[] {1});
        }
        CapturePlan plan = new CapturePlan(List.of(sources), List.of(fanouts), Map.of(), 48000, 256, 8);
        TapRing ring = plan.ring();
        for (int warm = 0; warm < 20_000; warm++) { // let the JIT compile the loop first
            plan.capture(256, warm);
            ring.release();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            plan.capture(256, i);
            if (ring.peek() != null) {
                ring.release();
            }
            plan.capture(256, i); // also the full-ring path every other period
            plan.capture(256, i);
            while (ring.peek() != null) {
                ring.release();
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, allocated, "bytes allocated by 30000 captures");
    }

    @Test
    void aPlanForANewFormatKeepsItsSourcesAndHoldsTheLongerPeriod() {
        FloatBuffer b = FloatBuffer.allocate(4096);
        CapturePlan plan = new CapturePlan(
                List.<ChannelBuffer[]>of(new ChannelBuffer[] {() -> b}),
                List.of(new Fanout(new int[] {7}, new float[] {1})),
                Map.of("gainstage:tap1-1", 0),
                48000,
                256,
                4);
        plan.settle(0, 5000);
        assertFalse(plan.capture(2048, 0));
        assertEquals(1, plan.ringDrops(0), "a quantum of 2048 does not fit a plan made for 256 (1024 at least)");

        CapturePlan next = plan.withFormat(44100, 2048);
        assertEquals(44100, next.sampleRate());
        assertEquals(2048, next.maxFrames());
        assertEquals(0, next.sourceOfPort("gainstage:tap1-1"));
        assertEquals(plan.fanout(0), next.fanout(0));
        assertEquals(false, next.settled(0, 4999), "what was not yet trusted stays so");
        assertTrue(next.capture(2048, 6000));
        assertEquals(0, next.ringDrops(0));
        assertEquals(2048, next.ring().peek().frames());
        assertEquals(
                1024,
                new CapturePlan(List.of(), List.of(), Map.of(), 48000, 64, 4).maxFrames(),
                "short periods share the 1024-frame minimum: no new plan for every small quantum change");
    }
}
