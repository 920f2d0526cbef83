package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mono meters fed together ({@link MonoGroup}), on the vector lanes and on the scalar pairs, read exactly what each
 * reads fed alone.
 */
class MonoGroupTest {
    private static final int RATE = 44_100;

    private static final List<Supplier<KWeightingLanes>> LANES =
            List.of(ScalarKWeightingLanes::new, VectorKWeightingLanes::new);

    static float[] signal(long seed, int frames) {
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
    void theTestJvmHasTheVectorLanes() {
        // surefire starts the JVM with the incubator module, as scripts/gainstage starts the sidecar: without it the
        // vector tests below would still pass, on the fallback, and prove nothing about the vector path.
        assertTrue(
                KWeightingLanes.best() instanceof VectorKWeightingLanes,
                KWeightingLanes.best().describe());
        assertTrue(VectorSupport.available(), "vector loops in use");
    }

    @Test
    void groupedMetersReadTheSameBitsAsAlone() {
        int frames = RATE * 4;
        float[][] x = new float[MonoGroup.WIDTH][];
        for (int i = 0; i < x.length; i++) {
            x[i] = signal(i + 1, frames);
        }
        for (Supplier<KWeightingLanes> lanes : LANES) {
            for (MeterMode mode : StageMeterTest.MODES) {
                for (int size : new int[] {2, 3, MonoGroup.WIDTH}) {
                    for (int block : new int[] {1, 256, 1000, 4096, 10_007}) {
                        String what =
                                lanes.get().describe() + ", " + size + " meters, blocks of " + block + " in " + mode;
                        feedAndCompare(lanes.get(), mode, x, size, frames, block, what);
                    }
                }
            }
        }
    }

    private static void feedAndCompare(
            KWeightingLanes lanes, MeterMode mode, float[][] x, int size, int frames, int block, String what) {
        MonoGroup group = new MonoGroup(lanes);
        List<StageMeter> grouped = new ArrayList<>();
        List<StageMeter> alone = new ArrayList<>();
        float[][] blocks = new float[size][block];
        for (int i = 0; i < size; i++) {
            grouped.add(meter(mode));
            alone.add(meter(mode));
        }
        for (int f = 0; f < frames; f += block) {
            int n = Math.min(block, frames - f);
            for (int i = 0; i < size; i++) {
                System.arraycopy(x[i], f, blocks[i], 0, n);
                group.add(grouped.get(i), blocks[i]);
                alone.get(i).process(blocks[i], 0, n);
            }
            group.process(n);
        }
        for (int i = 0; i < size; i++) {
            assertEquals(alone.get(i).reading(), grouped.get(i).reading(), "meter " + i + ": " + what);
        }
    }

    @Test
    void nanInfinityAndDenormalsReadAsAlone() {
        float[] odd = signal(9, 9000);
        odd[100] = Float.NaN;
        odd[2000] = Float.POSITIVE_INFINITY;
        odd[5000] = Float.MIN_VALUE;
        odd[5001] = -Float.MIN_NORMAL;
        float[] plain = signal(10, 9000);
        for (Supplier<KWeightingLanes> lanes : LANES) {
            StageMeter a = meter(MeterMode.FULL);
            StageMeter b = meter(MeterMode.LOUDNESS);
            StageMeter aloneA = meter(MeterMode.FULL);
            StageMeter aloneB = meter(MeterMode.LOUDNESS);
            MonoGroup group = new MonoGroup(lanes.get());
            group.add(a, odd);
            group.add(b, plain);
            group.process(odd.length);
            aloneA.process(odd, 0, odd.length);
            aloneB.process(plain, 0, plain.length);
            assertEquals(aloneA.reading(), a.reading(), lanes.get().describe());
            assertEquals(aloneB.reading(), b.reading(), lanes.get().describe());
        }
    }

    @Test
    void vectorAndScalarLanesMeasureTheSameBits() {
        Random random = new Random(7);
        for (int count = 1; count <= 2 * MonoGroup.WIDTH + 1; count++) {
            int n = 1 + random.nextInt(700);
            float[][] x = new float[count][];
            KWeightingFilter[] scalarFilters = new KWeightingFilter[count];
            KWeightingFilter[] vectorFilters = new KWeightingFilter[count];
            SegmentStats[] scalarStats = new SegmentStats[count];
            SegmentStats[] vectorStats = new SegmentStats[count];
            for (int i = 0; i < count; i++) {
                x[i] = signal(100 + i, 3 + n);
                scalarFilters[i] = new KWeightingFilter(48_000, 1);
                vectorFilters[i] = new KWeightingFilter(48_000, 1);
                scalarStats[i] = new SegmentStats();
                vectorStats[i] = new SegmentStats();
            }
            new ScalarKWeightingLanes().filterAndMeasure(scalarFilters, x, count, 3, n, scalarStats);
            new VectorKWeightingLanes().filterAndMeasure(vectorFilters, x, count, 3, n, vectorStats);
            for (int i = 0; i < count; i++) {
                String what = "tap " + i + " of " + count + ", " + n + " samples";
                assertEquals(scalarStats[i].peak(), vectorStats[i].peak(), what);
                assertEquals(scalarStats[i].sum(), vectorStats[i].sum(), what);
                assertEquals(scalarStats[i].squares(), vectorStats[i].squares(), what);
                assertEquals(scalarStats[i].weightedSquares(), vectorStats[i].weightedSquares(), what);
                // the first four: the tap's own lane (a mono filter's other four follow its copy, in the scalar loop)
                assertEquals(
                        Arrays.toString(Arrays.copyOf(scalarFilters[i].state, 4)),
                        Arrays.toString(Arrays.copyOf(vectorFilters[i].state, 4)),
                        what);
            }
        }
    }

    @Test
    void metersThatCannotShareThePassAreFedAloneAndStillRight() {
        float[] x = signal(3, 3000);
        StageMeter a = meter(MeterMode.LOUDNESS);
        StageMeter b = meter(MeterMode.LOUDNESS);
        StageMeter levels = meter(MeterMode.LEVELS);
        StageMeter alone = meter(MeterMode.LOUDNESS);
        StageMeter levelsAlone = meter(MeterMode.LEVELS);
        a.process(x, 0, 100);
        alone.process(x, 0, 100);
        assertTrue(!StageMeter.sharesPass(a, b), "a is 100 frames further into its 50 ms frame");
        MonoGroup group = new MonoGroup();
        group.add(a, x);
        group.add(b, x);
        group.add(levels, x);
        group.process(3000);
        alone.process(x, 0, 3000);
        levelsAlone.process(x, 0, 3000);
        assertEquals(alone.reading(), a.reading());
        assertEquals(3000, b.reading().frames());
        assertEquals(levelsAlone.reading(), levels.reading());
        assertEquals(0, group.size(), "the group is emptied");
    }

    @Test
    void aMeterIsInAGroupOnceAndAGroupHoldsAtMostItsWidth() {
        MonoGroup group = new MonoGroup();
        StageMeter m = meter(MeterMode.LOUDNESS);
        group.add(m, new float[16]);
        assertThrows(IllegalArgumentException.class, () -> group.add(m, new float[16]));
        for (int i = 1; i < MonoGroup.WIDTH; i++) {
            group.add(meter(MeterMode.LOUDNESS), new float[16]);
        }
        IllegalStateException full =
                assertThrows(IllegalStateException.class, () -> group.add(meter(MeterMode.LOUDNESS), new float[16]));
        assertEquals("a group holds at most " + MonoGroup.WIDTH + " meters", full.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> group.process(17));
        assertEquals(0, group.size(), "a refused group is emptied too");
        group.add(m, new float[16]);
        group.clear();
        assertEquals(0, group.size(), "cleared without metering");
        group.add(m, new float[16]); // the meter is no longer in it
        group.process(16);
        assertEquals(16, m.reading().frames(), "metered once, after the clear");
    }

    @Test
    void groupsAllocateNothingOnEitherLanes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        for (Supplier<KWeightingLanes> lanes : LANES) {
            MonoGroup group = new MonoGroup(lanes.get());
            StageMeter[] meters = new StageMeter[MonoGroup.WIDTH - 1]; // a spare lane too
            float[][] blocks = new float[meters.length][];
            for (int i = 0; i < meters.length; i++) {
                meters[i] = meter(i % 2 == 0 ? MeterMode.PEAKS_AND_LOUDNESS : MeterMode.LOUDNESS);
                blocks[i] = signal(20 + i, 256);
            }
            for (int k = 0; k < 20_000; k++) {
                feed(group, meters, blocks);
            }
            long thread = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(thread);
            for (int k = 0; k < 2_000; k++) {
                feed(group, meters, blocks);
            }
            assertEquals(
                    0,
                    threads.getThreadAllocatedBytes(thread) - before,
                    "bytes allocated by a group on " + lanes.get().describe());
            assertTrue(meters[0].reading().frames() > 0);
        }
    }

    private static void feed(MonoGroup group, StageMeter[] meters, float[][] blocks) {
        for (int i = 0; i < meters.length; i++) {
            group.add(meters[i], blocks[i]);
        }
        group.process(256);
    }
}
