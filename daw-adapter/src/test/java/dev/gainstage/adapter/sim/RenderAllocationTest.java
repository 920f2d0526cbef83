package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RenderAllocationTest {
    private static final TapSink DISCARD = (id, point, buf, channels, frames, position) -> {};
    private static final int BLOCKS = 5_000;

    @Test
    void renderBlockAllocatesNothingAfterWarmUp() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SimSessionRenderer r = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
        r.applyGainChange("vox/comp", -5); // the measured blocks then include a gain that has changed
        for (int i = 0; i < 10_000; i++) {
            r.renderBlock(DISCARD);
        }
        long thread = Thread.currentThread().threadId();
        long[] rounds = new long[3];
        for (int round = 0; round < rounds.length; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < BLOCKS; i++) {
                r.renderBlock(DISCARD);
            }
            rounds[round] = threads.getThreadAllocatedBytes(thread) - before;
        }
        // A late JIT deoptimisation can re-materialise a few scalar-replaced objects once (seen: 488
        // bytes with a short warm-up); any allocation per block would cost ≥ 16 bytes × 5000 in every round.
        assertEquals(
                0, Arrays.stream(rounds).min().orElseThrow(), "bytes allocated per round: " + Arrays.toString(rounds));
        assertTrue(
                Arrays.stream(rounds).max().orElseThrow() < 1024,
                "bytes allocated per round: " + Arrays.toString(rounds));
    }
}
