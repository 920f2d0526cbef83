package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-channel peaks of a {@link StageMeter}: a bar per channel, beside the combined figures it keeps. */
class ChannelPeaksTest {
    private static final int RATE = 48_000;

    private static StageMeter meter(int channels) {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.initialize(RATE, channels, 4096);
        return m;
    }

    /** {@code seconds} of a stereo signal: a sine of {@code left} amplitude on the left, {@code right} on the right. */
    private static float[] stereo(double seconds, double left, double right, double hz) {
        int frames = (int) (seconds * RATE);
        float[] x = new float[2 * frames];
        for (int f = 0; f < frames; f++) {
            double s = Math.sin(2 * Math.PI * hz * f / RATE + 0.3);
            x[2 * f] = (float) (left * s);
            x[2 * f + 1] = (float) (right * s);
        }
        return x;
    }

    @Test
    void hardPannedStereoShowsEachChannelApart() {
        StageMeter m = meter(2);
        float[] x = stereo(2, 0.5, 0, 1000);
        m.process(x, 0, x.length / 2);
        List<ChannelLevel> levels = m.channelLevels();
        assertEquals(2, levels.size());
        ChannelLevel left = levels.get(0);
        ChannelLevel right = levels.get(1);
        assertEquals(-6.02, left.samplePeakDbfs(), 0.05);
        assertEquals(-6.02, left.peakHoldDbfs(), 0.05);
        assertTrue(left.truePeakHoldDbtp() >= left.samplePeakDbfs() - 1e-9, "true peak at least the sample peak");
        assertEquals(-6.02, left.truePeakHoldDbtp(), 0.1);
        assertTrue(Double.isNaN(right.samplePeakDbfs()), "the silent side reads nothing: " + right);
        assertTrue(Double.isNaN(right.truePeakHoldDbtp()));
        assertTrue(Double.isNaN(right.peakHoldDbfs()));
        MeterReading combined = m.reading();
        assertEquals(combined.samplePeakDbfs(), left.samplePeakDbfs(), 1e-12);
        assertEquals(combined.maxTruePeakDbtp(), left.truePeakHoldDbtp(), 1e-12);
    }

    @Test
    void eachChannelHasItsOwnLevelAndTheCombinedFiguresAreTheLoudest() {
        StageMeter m = meter(2);
        // 11 kHz at 48 kHz: the samples miss the waveform's crests, so true peak reads above sample peak
        float[] x = stereo(1.5, 0.25, 0.9, 11_000);
        m.process(x, 0, x.length / 2);
        List<ChannelLevel> levels = m.channelLevels();
        assertEquals(-12.04, levels.get(0).truePeakHoldDbtp(), 0.1);
        assertEquals(-0.92, levels.get(1).truePeakHoldDbtp(), 0.1);
        assertTrue(
                levels.get(1).samplePeakDbfs() < levels.get(1).truePeakHoldDbtp() - 0.05,
                "inter-sample peak: " + levels);
        assertTrue(levels.get(0).samplePeakDbfs() < levels.get(1).samplePeakDbfs() - 10);
        MeterReading combined = m.reading();
        assertEquals(combined.truePeakDbtp(), levels.get(1).truePeakHoldDbtp(), 1e-12, "a steady tone: recent = held");
        assertEquals(combined.maxTruePeakDbtp(), levels.get(1).truePeakHoldDbtp(), 1e-12);
        assertEquals(combined.maxSamplePeakDbfs(), levels.get(1).peakHoldDbfs(), 1e-12);
    }

    @Test
    void holdOutlastsTheRecentWindowAndResetClearsIt() {
        StageMeter m = meter(2);
        float[] loud = stereo(1, 0, 0.8, 500);
        float[] quiet = stereo(4, 0, 0.1, 500); // longer than the 3 s recent window
        m.process(loud, 0, loud.length / 2);
        m.process(quiet, 0, quiet.length / 2);
        ChannelLevel right = m.channelLevels().get(1);
        assertEquals(-20, right.samplePeakDbfs(), 0.05);
        assertEquals(-1.94, right.peakHoldDbfs(), 0.05);
        assertEquals(-1.94, right.truePeakHoldDbtp(), 0.1);
        assertEquals(-20, m.reading().truePeakDbtp(), 0.1, "the combined true peak is still of the last 3 s, no hold");
        assertEquals(-1.94, m.reading().maxTruePeakDbtp(), 0.1);
        m.reset();
        assertTrue(Double.isNaN(m.channelLevels().get(1).peakHoldDbfs()));
    }

    @Test
    void withTruePeakOffOnlyTheSamplePeaksAreReported() {
        StageMeter m = meter(1);
        m.measureTruePeak(false);
        float[] x = new float[RATE];
        java.util.Arrays.fill(x, 0.5f);
        m.process(x, 0, x.length);
        ChannelLevel mono = m.channelLevels().get(0);
        assertEquals(-6.02, mono.samplePeakDbfs(), 0.01);
        assertTrue(Double.isNaN(mono.truePeakHoldDbtp()));
    }
}
