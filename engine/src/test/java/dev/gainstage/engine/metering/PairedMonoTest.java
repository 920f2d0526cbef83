package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two mono meters fed together ({@link StageMeter#processPair}) read exactly what each reads fed alone. */
class PairedMonoTest {
    private static final int RATE = 44_100;

    private static float[] signal(long seed, int frames) {
        Random random = new Random(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            x[i] = (float) ((i / 20_000 % 2 == 0 ? 0.5 : 0.02) * random.nextGaussian() * 0.3
                    + 0.3 * Math.sin(2 * Math.PI * (200 + seed * 100) * t));
        }
        return x;
    }

    private static StageMeter meter(MeterMode mode) {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.mode(mode);
        m.initialize(RATE, 1, 4096);
        return m;
    }

    @Test
    void pairedMetersReadTheSameBitsAsAlone() {
        int frames = RATE * 7;
        float[] a = signal(1, frames);
        float[] b = signal(2, frames);
        for (MeterMode mode : StageMeterTest.MODES) {
            for (int block : new int[] {1, 64, 256, 1000, 4096, 10_007}) {
                StageMeter pa = meter(mode);
                StageMeter pb = meter(mode);
                StageMeter sa = meter(mode);
                StageMeter sb = meter(mode);
                assertEquals(mode.loudness(), StageMeter.pairable(pa, pb), "pairable in " + mode);
                float[] ba = new float[block];
                float[] bb = new float[block];
                for (int f = 0; f < frames; f += block) {
                    int n = Math.min(block, frames - f);
                    System.arraycopy(a, f, ba, 0, n);
                    System.arraycopy(b, f, bb, 0, n);
                    StageMeter.processPair(pa, ba, pb, bb, n);
                    sa.process(ba, 0, n);
                    sb.process(bb, 0, n);
                }
                assertEquals(sa.reading(), pa.reading(), "first of the pair, blocks of " + block + " in " + mode);
                assertEquals(sb.reading(), pb.reading(), "second of the pair, blocks of " + block + " in " + mode);
            }
        }
    }

    @Test
    void metersAtDifferentPlacesInTheirFramesAreFedAloneAndStillRight() {
        float[] x = signal(3, 3000);
        StageMeter a = meter(MeterMode.LOUDNESS);
        StageMeter b = meter(MeterMode.LOUDNESS);
        StageMeter alone = meter(MeterMode.LOUDNESS);
        a.process(x, 0, 100);
        alone.process(x, 0, 100);
        assertFalse(StageMeter.pairable(a, b), "a is 100 frames further into its 50 ms frame");
        StageMeter.processPair(a, x, b, x, 3000);
        alone.process(x, 0, 3000);
        assertEquals(alone.reading(), a.reading());
        assertEquals(3000, b.reading().frames());
    }

    @Test
    void processPairAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        float[] a = signal(4, 256);
        float[] b = signal(5, 256);
        StageMeter pa = meter(MeterMode.PEAKS_AND_LOUDNESS);
        StageMeter pb = meter(MeterMode.LOUDNESS);
        for (int i = 0; i < 20_000; i++) {
            StageMeter.processPair(pa, a, pb, b, 256);
        }
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 2_000; i++) {
            StageMeter.processPair(pa, a, pb, b, 256);
        }
        assertEquals(0, threads.getThreadAllocatedBytes(thread) - before, "bytes allocated by processPair");
        assertTrue(pa.reading().frames() > 0);
    }
}
