package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    /** A sine of {@code hz} at amplitude {@code a}, {@code frames} long, in {@code channels} identical channels. */
    private static float[] sine(int rate, double hz, double a, int frames, int channels) {
        float[] x = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = (float) (a * Math.sin(2 * Math.PI * hz * i / rate));
            }
        }
        return x;
    }

    /** Everything out of {@code r} for {@code in}, pushed in blocks of {@code block} frames. */
    private static float[] resample(Resampler r, float[] in, int channels, int block) {
        int frames = in.length / channels;
        float[] out = new float[(frames * 4 + 1024) * channels];
        float[] buf = new float[block * channels];
        float[] piece = new float[4096 * channels];
        int made = 0;
        for (int at = 0; ; ) {
            for (int got; (got = r.pull(piece, 0, 4096)) > 0; ) {
                System.arraycopy(piece, 0, out, made * channels, got * channels);
                made += got;
            }
            if (r.done()) {
                return Arrays.copyOf(out, made * channels);
            }
            if (at < frames) {
                int n = Math.min(block, frames - at);
                System.arraycopy(in, at * channels, buf, 0, n * channels);
                r.push(buf, n);
                at += n;
            } else {
                r.finish();
            }
        }
    }

    /** Level (RMS in dB) and the error against the ideal sine, over the middle, away from the ends. */
    private static double[] levelAndError(float[] y, int channels, int channel, int rate, double hz, double a) {
        int frames = y.length / channels;
        double sumSq = 0;
        double errSq = 0;
        int from = frames / 10;
        int to = frames - frames / 10;
        for (int i = from; i < to; i++) {
            double v = y[i * channels + channel];
            double ideal = a * Math.sin(2 * Math.PI * hz * i / rate);
            sumSq += v * v;
            errSq += (v - ideal) * (v - ideal);
        }
        return new double[] {
            10 * Math.log10(sumSq / (to - from)), 10 * Math.log10(errSq / sumSq),
        };
    }

    @ParameterizedTest
    @CsvSource({
        "44100, 48000, 1000",
        "48000, 44100, 1000",
        "44100, 48000, 15000",
        "48000, 44100, 15000",
        "22050, 48000, 440",
        "96000, 44100, 3000",
        "44056, 48000, 1000", // 6000/5507: more phases than the table, interpolated
        "8000, 11025, 1000"
    })
    void aSineKeepsItsLevelAndFrequency(int inRate, int outRate, double hz) {
        double a = 0.5;
        int frames = inRate; // one second
        float[] y = resample(new Resampler(inRate, outRate, 2, 1000), sine(inRate, hz, a, frames, 2), 2, 1000);
        assertEquals((frames * (long) outRate + inRate - 1) / inRate, y.length / 2, "as long as the input");
        for (int c = 0; c < 2; c++) {
            double[] le = levelAndError(y, 2, c, outRate, hz, a);
            assertEquals(20 * Math.log10(a / Math.sqrt(2)), le[0], 0.05, "level of channel " + c);
            // the ideal sine at the output rate, sample for sample: same frequency, same phase, no delay
            assertTrue(le[1] < -60, "error " + le[1] + " dB against the ideal sine");
        }
    }

    @Test
    void whatTheLowerRateCannotHoldIsFilteredOutNotAliased() {
        // 23 kHz at 48 kHz does not fit under 44.1 kHz's Nyquist frequency: it would alias to 21.1 kHz.
        float[] y = resample(new Resampler(48_000, 44_100, 1, 4800), sine(48_000, 23_000, 0.5, 48_000, 1), 1, 4800);
        double[] le = levelAndError(y, 1, 0, 44_100, 21_100, 0.5);
        assertTrue(le[0] < 20 * Math.log10(0.5 / Math.sqrt(2)) - 80, "left " + le[0] + " dB");
    }

    @Test
    void blockSizesDoNotChangeTheOutput() {
        float[] x = sine(44_100, 997, 0.7, 20_000, 1);
        float[] whole = resample(new Resampler(44_100, 48_000, 1, 20_000), x, 1, 20_000);
        float[] bits = resample(new Resampler(44_100, 48_000, 1, 7), x, 1, 7);
        assertArrayEquals(whole, bits);
    }

    @Test
    void pushingBeforePullingWhatIsReadyIsRefused() {
        Resampler r = new Resampler(44_100, 48_000, 1, 100);
        float[] block = new float[100];
        r.push(block, 100);
        assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < 10; i++) {
                r.push(block, 100);
            }
        });
    }
}
