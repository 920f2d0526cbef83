package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageMeterTest {
    private static StageMeter meter(int sampleRate, int channels) {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.initialize(sampleRate, channels, 4096);
        return m;
    }

    /** Program-like stereo test material: noise bursts, a sine, clipped runs, a DC offset and silence. */
    static float[] material(int sampleRate, double seconds) {
        Random random = new Random(42);
        int frames = (int) (seconds * sampleRate);
        float[] x = new float[frames * 2];
        for (int f = 0; f < frames; f++) {
            double t = f / (double) sampleRate;
            double envelope = (int) (t * 2) % 3 == 0 ? 0.8 : (int) (t * 2) % 3 == 1 ? 0.05 : 0;
            double sine = 0.5 * Math.sin(2 * Math.PI * 440 * t);
            x[2 * f] = (float) (envelope * random.nextGaussian() * 0.3 + sine + 0.01);
            x[2 * f + 1] = (float) (envelope * random.nextGaussian() * 0.3 - 0.5 * sine);
        }
        for (int f = frames / 3; f < frames / 3 + 5; f++) {
            x[2 * f] = 1.0f; // a clipped run of 5 samples
        }
        return x;
    }

    @Test
    void blockSizeDoesNotChangeAnyFigureInAnyMode() {
        for (MeterMode mode : MODES) {
            blockSizeDoesNotChangeAnyFigure(mode);
        }
    }

    private static void blockSizeDoesNotChangeAnyFigure(MeterMode mode) {
        float[] x = material(44_100, 12.3);
        MeterReading reference = feed(x, 44_100, 4096, mode);
        for (int block : new int[] {1, 64, 256, 4096, 7, 333, 1000, 10_007, 100_000}) {
            MeterReading r = feed(x, 44_100, block, mode);
            for (RecordComponent c : MeterReading.class.getRecordComponents()) {
                double expected = value(c, reference);
                double actual = value(c, r);
                if (Double.isNaN(expected)) {
                    assertTrue(
                            Double.isNaN(actual),
                            c.getName() + " with blocks of " + block + " in " + mode + ": " + actual);
                    continue;
                }
                assertEquals(
                        expected,
                        actual,
                        1e-9 * Math.max(1, Math.abs(expected)),
                        c.getName() + " with blocks of " + block + " in " + mode);
            }
        }
        assertTrue(reference.clippedSamples() >= 5, "material has a clipped run");
    }

    private static double value(RecordComponent c, MeterReading r) {
        try {
            return ((Number) c.getAccessor().invoke(r)).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static MeterReading feed(float[] x, int sampleRate, int block) {
        return feed(x, sampleRate, block, MeterMode.FULL);
    }

    static MeterReading feed(float[] x, int sampleRate, int block, MeterMode mode) {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.mode(mode);
        m.initialize(sampleRate, 2, 4096);
        int frames = x.length / 2;
        for (int f = 0; f < frames; f += block) {
            m.process(x, f * 2, Math.min(block, frames - f));
        }
        return m.reading();
    }

    @Test
    void floatAboveFullScaleIsMeasuredNotClamped() {
        // A +6 dBFS stereo sine: legal inside a DAW's float path.
        MeterReading r =
                TestSignal.sine(48_000, 2, 1000).fadeIn(0.02).then(6, 5).measure();
        assertEquals(6, r.maxSamplePeakDbfs(), 0.01);
        assertEquals(6, r.samplePeakDbfs(), 0.01);
        assertEquals(6, r.maxTruePeakDbtp(), 0.2);
        assertEquals(6, r.integratedLufs(), 0.1);
        assertEquals(6 - Levels.AES17_OFFSET_DB, r.rmsDbfs(), 0.01);
        assertTrue(r.clippedSamples() > 1000, "every sample near the crest is above the clip level");
    }

    @Test
    void silenceIsNaNNeverMinusInfinity() {
        StageMeter m = meter(48_000, 2);
        m.process(new float[2 * 48_000 * 5], 0, 48_000 * 5);
        MeterReading r = m.reading();
        for (RecordComponent c : MeterReading.class.getRecordComponents()) {
            double v = value(c, r);
            assertFalse(v == Double.NEGATIVE_INFINITY || v == Double.POSITIVE_INFINITY, c.getName() + " = " + v);
        }
        assertTrue(Double.isNaN(r.samplePeakDbfs()));
        assertTrue(Double.isNaN(r.truePeakDbtp()));
        assertTrue(Double.isNaN(r.rmsDbfs()));
        assertTrue(Double.isNaN(r.momentaryLufs()));
        assertTrue(Double.isNaN(r.shortTermLufs()));
        assertTrue(Double.isNaN(r.integratedLufs()));
        assertTrue(Double.isNaN(r.loudnessRangeLu()));
        assertTrue(Double.isNaN(r.maxMomentaryLufs()));
        assertTrue(Double.isNaN(r.crestFactorDb()));
        assertTrue(Double.isNaN(r.noiseFloorDbfs()));
        assertTrue(Double.isNaN(r.correlation()));
        assertEquals(0, r.dcOffset());
        assertEquals(0, r.signalSeconds());
        assertEquals(5.0, r.seconds(), 1e-12);
    }

    static final MeterMode[] MODES = {
        MeterMode.FULL, MeterMode.PEAKS_AND_LOUDNESS, MeterMode.LOUDNESS, MeterMode.LEVELS,
    };

    @Test
    void processAllocatesNothingAfterInitializeInEveryMode() {
        for (MeterMode mode : MODES) {
            processAllocatesNothingAfterInitialize(mode);
        }
    }

    private static void processAllocatesNothingAfterInitialize(MeterMode mode) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        float[] x = material(48_000, 3);
        for (int channels : new int[] {1, 2, 6}) {
            StageMeter m = new StageMeter(MeterOptions.defaults());
            m.mode(mode);
            m.initialize(48_000, channels, 4096);
            int frames = x.length / channels;
            int[] blocks = {1, 64, 256, 4096, 333, 100_000};
            for (int warm = 0; warm < 20; warm++) {
                for (int b : blocks) {
                    feedAll(m, x, frames, channels, b);
                }
                m.reading();
                m.channelLevels();
                m.reset();
            }
            long thread = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(thread);
            for (int round = 0; round < 10; round++) {
                for (int b : blocks) {
                    feedAll(m, x, frames, channels, b);
                }
                m.restartProgramme();
                m.reset();
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertEquals(
                    0,
                    allocated,
                    "bytes allocated by process()/restartProgramme()/reset() with " + channels + " channels in "
                            + mode);
            feedAll(m, x, frames, channels, 4096);
            long beforeReadings = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                m.reading();
            }
            long perReading = (threads.getThreadAllocatedBytes(thread) - beforeReadings) / 100;
            assertTrue(perReading <= 256, "reading() allocates its record only, not " + perReading + " bytes");
            long beforeChannels = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                m.channelLevels();
            }
            long perChannels = (threads.getThreadAllocatedBytes(thread) - beforeChannels) / 100;
            assertTrue(
                    perChannels <= 96 + 64L * channels,
                    "channelLevels() allocates its list and records only, not " + perChannels + " bytes");
        }
    }

    private static void feedAll(StageMeter m, float[] x, int frames, int channels, int block) {
        for (int f = 0; f < frames; f += block) {
            m.process(x, f * channels, Math.min(block, frames - f));
        }
    }

    @Test
    void resetReturnsToTheInitialState() {
        StageMeter m = meter(48_000, 2);
        float[] x = material(48_000, 4);
        feedAll(m, x, x.length / 2, 2, 512);
        MeterReading first = m.reading();
        feedAll(m, x, x.length / 2, 2, 999);
        m.reset();
        assertEquals(0, m.reading().frames());
        assertTrue(Double.isNaN(m.reading().maxSamplePeakDbfs()));
        feedAll(m, x, x.length / 2, 2, 512);
        assertEquals(first, m.reading());
    }

    @Test
    void usingBeforeInitializeOrWithBadArgumentsFails() {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        assertThrows(IllegalStateException.class, m::reading);
        assertThrows(IllegalArgumentException.class, () -> m.initialize(48_000, 9, 64));
        assertThrows(IllegalArgumentException.class, () -> m.initialize(1000, 2, 64));
        m.initialize(48_000, 2, 64);
        assertThrows(IndexOutOfBoundsException.class, () -> m.process(new float[10], 0, 6));
    }

    @Test
    void truePeakCanBeLeftToAnotherMeter() {
        float[] x = material(48_000, 4);
        StageMeter m = meter(48_000, 2);
        m.measureTruePeak(false);
        feedAll(m, x, x.length / 2, 2, 512);
        MeterReading r = m.reading();
        assertTrue(Double.isNaN(r.truePeakDbtp()) && Double.isNaN(r.maxTruePeakDbtp()));
        assertEquals(feed(x, 48_000, 512).maxSamplePeakDbfs(), r.maxSamplePeakDbfs());
        TruePeakHold hold = new TruePeakHold(48_000, 2, 333);
        for (int f = 0; f < x.length / 2; f += 333) {
            hold.process(x, f * 2, Math.min(333, x.length / 2 - f));
        }
        assertEquals(
                feed(x, 48_000, 4096).maxTruePeakDbtp(), hold.maxDbtp(), 1e-9, "the same true peak, measured apart");
    }
}
