package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The noise floor is the steady level of the gaps between events: found under hiss, never found in musical decays,
 * a tremolo, quiet passages or a held quiet note.
 */
class NoiseFloorEstimatorTest {
    private static final int RATE = 48_000;
    private static final int FRAME = RATE / 20;
    private final SplittableRandom random = new SplittableRandom(5);

    /** Feeds {@code seconds} of a signal as 50 ms frames of mean square, as the meter does. */
    private static NoiseFloorEstimator feed(double seconds, IntToDoubleFunction sample) {
        NoiseFloorEstimator e = new NoiseFloorEstimator();
        int frames = (int) (seconds * 20);
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                double v = sample.applyAsDouble(i);
                sum += v * v;
            }
            e.add(sum / FRAME);
        }
        return e;
    }

    private double hiss(double rmsDbfs) {
        return random.nextGaussian() * Math.pow(10, rmsDbfs / 20);
    }

    private static double tone(int i, double hz, double peakDbfs) {
        return Math.pow(10, peakDbfs / 20) * Math.sin(2 * Math.PI * hz * i / RATE);
    }

    /** Phrases of 1.5 s with 1 s gaps, starting at 0.5 s. */
    private static boolean inPhrase(int i) {
        double t = (double) i / RATE - 0.5;
        return t >= 0 && t % 2.5 < 1.5;
    }

    @Test
    void hissInTheGapsBetweenPhrasesIsTheFloor() {
        NoiseFloorEstimator e = feed(20, i -> hiss(-55) + (inPhrase(i) ? tone(i, 220, -8) : 0));
        assertEquals(-55, e.estimateDbfs(), 0.5);
    }

    @Test
    void decaysIntoSilenceHaveNoFloor() {
        // plucked notes every second, each decaying at 20 dB a second into digital silence below -100 dBFS
        NoiseFloorEstimator e = feed(20, i -> {
            double t = (i % RATE) / (double) RATE;
            double db = -6 - 20 * t * 3;
            return db < -100 ? 0 : tone(i, 110, db);
        });
        assertTrue(Double.isNaN(e.estimateDbfs()), "a release tail is music: " + e.estimateDbfs());
    }

    @Test
    void slowReleaseTailsHaveNoFloor() {
        // half notes whose release decays at 6 dB a second to -60 dB below their start, then start again
        NoiseFloorEstimator e = feed(30, i -> {
            double t = (i % (2 * RATE)) / (double) RATE;
            return tone(i, 55, -10 - 6 * t * 5);
        });
        assertTrue(Double.isNaN(e.estimateDbfs()), "slow decays are music: " + e.estimateDbfs());
    }

    @Test
    void aDeepTremoloHasNoFloor() {
        NoiseFloorEstimator e =
                feed(20, i -> tone(i, 440, -9) * (1 - 0.95 * 0.5 * (1 + Math.sin(2 * Math.PI * 5 * i / RATE))));
        assertTrue(Double.isNaN(e.estimateDbfs()), "a tremolo is music: " + e.estimateDbfs());
    }

    @Test
    void aQuietHeldNoteHeardOnceIsNotAFloor() {
        // 10 s of loud playing, then one quiet held note of 2 s, 30 dB down, then loud again
        NoiseFloorEstimator e = feed(20, i -> {
            double t = (double) i / RATE;
            double swell = 3 * Math.sin(2 * Math.PI * 0.7 * t); // the playing moves: not a steady run
            return t >= 10 && t < 12 ? tone(i, 330, -38) : tone(i, 330, -8 + swell);
        });
        assertTrue(Double.isNaN(e.estimateDbfs()), "one quiet note is not a floor: " + e.estimateDbfs());
    }

    @Test
    void aLongPreRollOfHissIsAFloorAndDigitalSilenceIsNot() {
        NoiseFloorEstimator e = feed(12, i -> i < 4 * RATE ? 0 : hiss(-62) + (i > 8 * RATE ? tone(i, 1000, -10) : 0));
        assertEquals(-62, e.estimateDbfs(), 0.5);
        assertTrue(Double.isNaN(feed(5, i -> 0).estimateDbfs()));
    }

    @Test
    void resetForgetsTheFloor() {
        NoiseFloorEstimator e = feed(20, i -> hiss(-55) + (inPhrase(i) ? tone(i, 220, -8) : 0));
        e.reset();
        assertTrue(Double.isNaN(e.estimateDbfs()));
    }
}
