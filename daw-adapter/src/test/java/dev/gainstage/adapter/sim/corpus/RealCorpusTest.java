package dev.gainstage.adapter.sim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The corpus is what it claims: every stem at its peak, the song's length, and with the dynamics of the real thing. */
class RealCorpusTest {
    @Test
    void everyStemPeaksAtTheStemPeakAndLastsTheSong() throws Exception {
        Path dir = RealCorpus.stems();
        for (String stem : RealCorpus.STEMS) {
            float[][] audio = Wav.read(dir.resolve(stem + ".wav"));
            assertEquals(RealCorpus.SECONDS * RealCorpus.SAMPLE_RATE, audio[0].length, stem);
            assertEquals(RealCorpus.STEM_PEAK_DBFS, peakDb(audio, 0, audio[0].length), 0.01, stem);
        }
    }

    @Test
    void theStemsHaveRealDynamics() throws Exception {
        Path dir = RealCorpus.stems();
        // hits: between two kicks the kick stem decays by far more than 30 dB from its peak
        float[][] kick = Wav.read(dir.resolve("kick.wav"));
        assertTrue(quietestFrameDb(kick, 0.05) < RealCorpus.STEM_PEAK_DBFS - 30, "kick decays between hits");
        // words with gaps: the voice is silent for at least half a second between phrases
        float[][] vox = Wav.read(dir.resolve("vox.wav"));
        assertTrue(quietestFrameDb(vox, 0.5) < -80, "the voice has gaps");
        // the piano's level moves with the playing: loud and soft bars differ by several dB
        float[][] keys = Wav.read(dir.resolve("keys.wav"));
        double spread = loudestFrameDb(keys, 2.5) - quietestFrameDb(keys, 2.5);
        assertTrue(spread > 3, "the keys' bar levels spread " + spread + " dB");
    }

    private static double peakDb(float[][] audio, int from, int to) {
        double p = 0;
        for (float[] ch : audio) {
            for (int i = from; i < to; i++) {
                p = Math.max(p, Math.abs(ch[i]));
            }
        }
        return 20 * Math.log10(p);
    }

    /** The lowest peak of any window of {@code seconds} after the first second and before the last. */
    private static double quietestFrameDb(float[][] audio, double seconds) {
        int w = (int) (seconds * RealCorpus.SAMPLE_RATE);
        double min = Double.POSITIVE_INFINITY;
        for (int from = RealCorpus.SAMPLE_RATE; from + w < audio[0].length - 2 * RealCorpus.SAMPLE_RATE; from += w) {
            min = Math.min(min, peakDb(audio, from, from + w));
        }
        return min;
    }

    private static double loudestFrameDb(float[][] audio, double seconds) {
        int w = (int) (seconds * RealCorpus.SAMPLE_RATE);
        double max = Double.NEGATIVE_INFINITY;
        for (int from = RealCorpus.SAMPLE_RATE; from + w < audio[0].length - 2 * RealCorpus.SAMPLE_RATE; from += w) {
            max = Math.max(max, peakDb(audio, from, from + w));
        }
        return max;
    }
}
