package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The figures beyond loudness and true peak: DC, correlation, clipping, RMS, noise floor, windows. */
class StageMeterFiguresTest {
    private static final int RATE = 48_000;

    /** Renders {@code frames} frames of {@code channels} channels, sample (frame, channel) from {@code f}. */
    private static float[] render(int frames, int channels, java.util.function.BiFunction<Integer, Integer, Double> f) {
        float[] x = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = (float) (double) f.apply(i, c);
            }
        }
        return x;
    }

    private static MeterReading measure(float[] x, int channels, int block, MeterOptions options) {
        StageMeter m = new StageMeter(options);
        m.initialize(RATE, channels, block);
        int frames = x.length / channels;
        for (int f = 0; f < frames; f += block) {
            m.process(x, f * channels, Math.min(block, frames - f));
        }
        return m.reading();
    }

    private static MeterReading measure(float[] x, int channels) {
        return measure(x, channels, 1024, MeterOptions.defaults());
    }

    private static double sine(int i, double hz, double dbfs) {
        return Math.pow(10, dbfs / 20) * Math.sin(2 * Math.PI * hz * i / RATE);
    }

    @Test
    void dcOffsetIsTheSignedMeanOfTheWorstChannel() {
        MeterReading r = measure(render(RATE * 2, 2, (i, c) -> sine(i, 1000, -20) + (c == 0 ? 0.01 : -0.05)), 2);
        assertEquals(-0.05, r.dcOffset(), 1e-4);
    }

    @Test
    void correlationOfInPhaseInvertedAndQuadratureChannels() {
        assertEquals(
                1, measure(render(RATE * 4, 2, (i, c) -> sine(i, 440, -12)), 2).correlation(), 1e-6);
        assertEquals(
                -1,
                measure(render(RATE * 4, 2, (i, c) -> (c == 0 ? 1 : -1) * sine(i, 440, -12)), 2)
                        .correlation(),
                1e-6);
        double quadrature = measure(
                        render(
                                RATE * 4,
                                2,
                                (i, c) -> 0.25
                                        * (c == 0
                                                ? Math.sin(2 * Math.PI * 440 * i / RATE)
                                                : Math.cos(2 * Math.PI * 440 * i / RATE))),
                        2)
                .correlation();
        assertEquals(0, quadrature, 0.005);
        assertTrue(
                Double.isNaN(measure(render(RATE, 1, (i, c) -> sine(i, 440, -12)), 1)
                        .correlation()),
                "mono");
    }

    @Test
    void clippedRunsCountOnlyTwoOrMoreConsecutiveSamplesPerChannel() {
        float[] x = new float[2 * RATE];
        x[2 * 100] = 1f; // single full-scale sample: a normalised peak, not clipping
        x[2 * 200 + 1] = 1f; // single in the other channel right after: still not a run
        x[2 * 201] = 1f;
        for (int i = 1000; i < 1005; i++) {
            x[2 * i] = -1.2f; // a run of 5 below -full scale
        }
        x[2 * 4095 + 1] = 1f; // a run of 2 across the 4096-frame block boundary
        x[2 * 4096 + 1] = 1f;
        for (int block : new int[] {1, 4096}) {
            MeterReading r = measure(x, 2, block, MeterOptions.defaults());
            assertEquals(2, r.clippedRuns(), "blocks of " + block);
            assertEquals(7, r.clippedSamples(), "blocks of " + block);
        }
        MeterReading lowered = measure(x, 2, 256, new MeterOptions(false, 3, 1.5));
        assertEquals(0, lowered.clippedRuns(), "clip level is an option");
    }

    @Test
    void rmsPlainAndAes17AndCrestFactor() {
        float[] x = render(RATE * 2, 2, (i, c) -> sine(i, 1000, -20));
        MeterReading plain = measure(x, 2);
        MeterReading aes = measure(x, 2, 1024, new MeterOptions(true, 3, 1));
        assertEquals(-23.01, plain.rmsDbfs(), 0.01);
        assertEquals(-20.0, aes.rmsDbfs(), 0.01);
        assertEquals(-20.0, aes.overallRmsDbfs(), 0.01);
        assertEquals(3.01, plain.crestFactorDb(), 0.01);
        assertEquals(3.01, aes.crestFactorDb(), 0.01, "crest factor is peak over plain RMS either way");
    }

    /** BS.1770 weights: LFE ignored, surrounds +1.5 dB (x1.41). */
    @Test
    void fivePointOneChannelWeights() {
        IntFunction<MeterReading> toneIn =
                ch -> measure(render(RATE * 3, 6, (i, c) -> c == ch ? sine(i, 1000, -20) : 0), 6);
        double left = toneIn.apply(0).integratedLufs();
        assertEquals(-23.0, left, 0.1, "one front channel at -20 dBFS reads 3 dB lower than a stereo pair");
        assertEquals(left, toneIn.apply(2).integratedLufs(), 0.01, "centre weighs like left");
        assertTrue(Double.isNaN(toneIn.apply(3).integratedLufs()), "LFE is excluded");
        assertEquals(left + 10 * Math.log10(1.41), toneIn.apply(4).integratedLufs(), 0.01, "left surround");
        assertEquals(left + 10 * Math.log10(1.41), toneIn.apply(5).integratedLufs(), 0.01, "right surround");
    }

    @Test
    void windowsReportNothingUntilTheyAreFull() {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.initialize(RATE, 2, 4800);
        float[] block = render(4800, 2, (i, c) -> sine(i, 1000, -23));
        for (int k = 1; k <= 31; k++) {
            m.process(block, 0, 4800);
            MeterReading r = m.reading();
            assertEquals(k >= 4, MeterReading.has(r.momentaryLufs()), "momentary after " + k * 100 + " ms");
            assertEquals(k >= 30, MeterReading.has(r.shortTermLufs()), "short-term after " + k * 100 + " ms");
        }
    }

    @Test
    void recentPeakFallsAwayWhilePeakHoldStays() {
        float[] x = render(RATE * 5, 1, (i, c) -> i < RATE / 2 ? sine(i, 1000, -3) : 0.0);
        MeterReading r = measure(x, 1);
        assertTrue(Double.isNaN(r.samplePeakDbfs()), "the burst is more than 3 s ago");
        assertEquals(-3, r.maxSamplePeakDbfs(), 0.01);
        assertEquals(-3, r.maxTruePeakDbtp(), 0.1);
        MeterReading shortWindow = measure(
                render(RATE * 2, 1, (i, c) -> i < RATE / 2 ? sine(i, 1000, -3) : 0.0),
                1,
                1024,
                new MeterOptions(false, 3, 1));
        assertEquals(-3, shortWindow.samplePeakDbfs(), 0.01, "still within the window 1.5 s later");
    }

    @Test
    void noiseFloorIgnoresDigitalSilenceAndSignalSecondsCountAudibleAudio() {
        Random random = new Random(3);
        double noiseRms = Math.pow(10, -60 / 20.0);
        // 4 s digital silence, 10 s noise at -60 dBFS RMS, 6 s of a -10 dBFS sine over the noise
        float[] x = render(
                RATE * 20,
                1,
                (i, c) -> i < RATE * 4
                        ? 0.0
                        : random.nextGaussian() * noiseRms + (i >= RATE * 14 ? sine(i, 1000, -10) : 0));
        MeterReading r = measure(x, 1);
        assertEquals(-60, r.noiseFloorDbfs(), 0.5);
        assertEquals(16, r.signalSeconds(), 0.06, "noise at -60 dBFS counts as signal, digital silence does not");
        MeterReading quiet =
                measure(render(RATE * 5, 1, (i, c) -> random.nextGaussian() * Math.pow(10, -80 / 20.0)), 1);
        assertEquals(0, quiet.signalSeconds(), "-80 dBFS is below the -70 dBFS signal threshold");
    }

    @Test
    void aNaNSampleDoesNotPoisonTheMeterForever() {
        float[] x = render(RATE * 10, 2, (i, c) -> sine(i, 1000, -23));
        x[1000] = Float.NaN;
        MeterReading r = measure(x, 2);
        assertEquals(-23, r.shortTermLufs(), 0.1);
        assertEquals(-23, r.integratedLufs(), 0.1);
    }

    /** EBU 3341 case 1 at other rates: the derived K-weighting keeps a -23 dBFS stereo sine at -23 LUFS. */
    @ParameterizedTest
    @ValueSource(ints = {32_000, 44_100, 88_200, 96_000, 192_000, 37_800})
    void minusTwentyThreeAtEveryRate(int rate) {
        MeterReading r = TestSignal.sine(rate, 2, 1000).then(-23, 10).measure();
        assertEquals(-23, r.integratedLufs(), 0.1, rate + " Hz");
        assertEquals(-23, r.maxTruePeakDbtp(), 0.1, rate + " Hz");
    }
}
