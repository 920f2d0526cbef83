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

    /**
     * The estimate before runs were kept in level order: the weighted median found by counting, for each
     * candidate, the frames at or below it (O(runs²)); the rest as the estimator has it.
     */
    private static double quadraticEstimate(NoiseFloorEstimator e) {
        double ceiling = e.loudestDb() - NoiseFloorEstimator.INACTIVE_DB;
        double openLevel = e.openLevel();
        long total = weightBelow(e, Double.POSITIVE_INFINITY, ceiling, openLevel);
        if (total == 0) {
            return Double.NaN;
        }
        double median = Double.NaN;
        for (int i = -1; i < e.runsStored(); i++) {
            double level = i < 0 ? openLevel : e.runLevel(i);
            if (!(level <= ceiling) || (median <= level)) {
                continue;
            }
            if (2 * weightBelow(e, level, ceiling, openLevel) >= total) {
                median = level;
            }
        }
        int runs = 0;
        long frames = 0;
        long longest = 0;
        for (int i = -1; i < e.runsStored(); i++) {
            double level = i < 0 ? openLevel : e.runLevel(i);
            if (level <= ceiling && Math.abs(level - median) <= NoiseFloorEstimator.SAME_FLOOR_DB) {
                long n = i < 0 ? e.openFrames() : e.runFrames(i);
                runs++;
                frames += n;
                longest = Math.max(longest, n);
            }
        }
        boolean everyGap = runs >= NoiseFloorEstimator.MIN_RUNS && frames >= NoiseFloorEstimator.MIN_FLOOR_FRAMES;
        return everyGap || longest >= NoiseFloorEstimator.LONE_RUN_FRAMES ? median : Double.NaN;
    }

    private static long weightBelow(NoiseFloorEstimator e, double level, double ceiling, double openLevel) {
        long w = 0;
        for (int i = 0; i < e.runsStored(); i++) {
            if (e.runLevel(i) <= ceiling && e.runLevel(i) <= level) {
                w += e.runFrames(i);
            }
        }
        if (e.openFrames() > 0 && openLevel <= ceiling && openLevel <= level) {
            w += e.openFrames();
        }
        return w;
    }

    /**
     * Random material (steady runs at a few levels, often equal, loud bursts, silence, drifting noise), long
     * enough to fill and recycle the stored runs many times: after every frame the estimate is the quadratic
     * one's to the bit.
     */
    @Test
    void theEstimateInLevelOrderEqualsTheQuadraticOneOnRandomInput() {
        SplittableRandom r = new SplittableRandom(11);
        int nonNaN = 0;
        for (int trial = 0; trial < 40; trial++) {
            NoiseFloorEstimator e = new NoiseFloorEstimator();
            double[] levels = {-60, -60, -55, -72, -48, -60.5};
            for (int segment = 0; segment < 300; segment++) {
                int kind = r.nextInt(5);
                int length = 1 + r.nextInt(kind == 0 ? 80 : 25);
                double level = kind == 0 ? levels[r.nextInt(levels.length)] : -10 - r.nextInt(50);
                for (int f = 0; f < length; f++) {
                    double db = switch (kind) {
                        case 0 -> level; // a steady gap, often at a level seen before
                        case 1 -> level + r.nextDouble(-0.3, 0.3); // steady within the spread
                        case 2 -> level + r.nextDouble(-8, 8); // music
                        case 3 -> Double.NEGATIVE_INFINITY; // digital silence
                        default -> -5 + r.nextDouble(3); // loud
                    };
                    e.add(db == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, db / 10));
                    double expected = quadraticEstimate(e);
                    assertEquals(
                            Double.doubleToLongBits(expected),
                            Double.doubleToLongBits(e.estimateDbfs()),
                            "trial " + trial + ", segment " + segment + ": " + expected + " vs " + e.estimateDbfs());
                    if (!Double.isNaN(expected)) {
                        nonNaN++;
                    }
                }
            }
        }
        assertTrue(nonNaN > 10_000, "the material finds a floor often enough to compare: " + nonNaN);
    }
}
