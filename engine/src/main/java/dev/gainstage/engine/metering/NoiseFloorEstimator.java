package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * The steady noise floor of a signal: the level of the gaps between its events where nothing but the floor sounds
 * (hiss, hum, room tone), and only when it is stable over time. Musical decays, a tremolo, quiet passages and
 * digital silence are not a floor, so for a clean recording the estimate stays NaN.
 *
 * <p>How, from 50 ms RMS frames: a frame is <em>steady</em> when it and the {@value #RUN_FRAMES} frames before it
 * (half a second) lie within {@value #STEADY_SPREAD_DB} dB of each other. A release tail decays faster than that
 * (a piano's by several dB a second, a reverb's by 30 dB a second at RT60 2 s) and a tremolo swings wider, while
 * hiss measured over 2400 samples moves by a tenth of a dB. Each steady run (a gap) is kept as its mean level and
 * length (the last {@value #RUNS_KEPT}). The estimate is the frame-weighted median level of the runs that lie at
 * least {@value #INACTIVE_DB} dB below the loudest frame seen (a held note at playing level is steady too, but it is
 * the music, not its floor), given at least {@value #MIN_RUNS} such runs within {@value #SAME_FLOOR_DB} dB of that
 * median and {@value #MIN_FLOOR_FRAMES} frames (one second) in them, or one run of {@value #LONE_RUN_FRAMES} frames
 * (a pre-roll of three seconds of hiss): a floor is what every gap returns to, where one quiet held note is heard
 * once and briefly. Bounded and allocation-free.
 *
 * <p>The runs are also kept in order of level, updated as a run ends (O(runs)), so a reading walks them once
 * (O(runs)) where finding the weighted median by counting the weight below each candidate took O(runs²): 4096
 * steps per tap and reading, ten readings a second, 80 million a second at 2048 taps.
 */
final class NoiseFloorEstimator {
    /** Frames before the current one that must agree with it: with it, 10 frames of 50 ms. */
    static final int RUN_FRAMES = 9;

    static final double STEADY_SPREAD_DB = 1.0;
    static final double INACTIVE_DB = 20;
    static final double SAME_FLOOR_DB = 3;
    static final int MIN_FLOOR_FRAMES = 20;
    static final int MIN_RUNS = 2;
    static final int LONE_RUN_FRAMES = 60;
    static final int RUNS_KEPT = 64;

    private final double[] runLevel = new double[RUNS_KEPT];
    private final int[] runFrames = new int[RUNS_KEPT];
    /** The indices of the stored runs, by level, lowest first. */
    private final int[] byLevel = new int[RUNS_KEPT];

    private int runsStored;
    private int runAt;

    private final double[] recent = new double[RUN_FRAMES + 1];
    private int recentFill;
    private int recentAt;
    /** The open run: its summed levels and frames (0 when not in a run). */
    private double openSumDb;

    private int openFrames;

    private double loudestDb = Double.NEGATIVE_INFINITY;

    /** Adds one frame given as its mean square across channels. */
    void add(double meanSquare) {
        if (!(meanSquare > 0) || Double.isInfinite(meanSquare)) {
            recentFill = 0; // digital silence (or nonsense) breaks a run: it is a gap without a floor
            endRun();
            return;
        }
        double db = 10 * Math.log10(meanSquare);
        loudestDb = Math.max(loudestDb, db);
        recent[recentAt] = db;
        recentAt = (recentAt + 1) % recent.length;
        recentFill = Math.min(recent.length, recentFill + 1);
        if (recentFill < recent.length || spread() > STEADY_SPREAD_DB) {
            endRun();
            return;
        }
        openSumDb += db;
        openFrames++;
    }

    private void endRun() {
        if (openFrames == 0) {
            return;
        }
        if (runsStored == RUNS_KEPT) {
            removeFromOrder(runAt); // the oldest run, about to be overwritten
        }
        runLevel[runAt] = openSumDb / openFrames;
        runFrames[runAt] = openFrames;
        insertInOrder(runAt, runsStored == RUNS_KEPT ? RUNS_KEPT - 1 : runsStored);
        runAt = (runAt + 1) % RUNS_KEPT;
        runsStored = Math.min(RUNS_KEPT, runsStored + 1);
        openSumDb = 0;
        openFrames = 0;
    }

    /** Drops run {@code index} from {@link #byLevel}, whose first {@code runsStored} entries are in use. */
    private void removeFromOrder(int index) {
        int at = 0;
        while (byLevel[at] != index) {
            at++;
        }
        System.arraycopy(byLevel, at + 1, byLevel, at, runsStored - at - 1);
    }

    /** Puts run {@code index} into {@link #byLevel}, whose first {@code used} entries are in order. */
    private void insertInOrder(int index, int used) {
        double level = runLevel[index];
        int at = used;
        while (at > 0 && runLevel[byLevel[at - 1]] > level) {
            byLevel[at] = byLevel[at - 1];
            at--;
        }
        byLevel[at] = index;
    }

    private double spread() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : recent) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    /** The floor in dBFS, or NaN when no steady floor was found. */
    double estimateDbfs() {
        double ceiling = loudestDb - INACTIVE_DB;
        double openLevel = openFrames > 0 ? openSumDb / openFrames : Double.NaN;
        double median = weightedMedian(ceiling, openLevel);
        if (Double.isNaN(median)) {
            return Double.NaN;
        }
        int runs = 0;
        long frames = 0;
        long longest = 0;
        for (int i = -1; i < runsStored; i++) {
            double level = i < 0 ? openLevel : runLevel[i];
            if (level <= ceiling && Math.abs(level - median) <= SAME_FLOOR_DB) {
                long n = i < 0 ? openFrames : runFrames[i];
                runs++;
                frames += n;
                longest = Math.max(longest, n);
            }
        }
        boolean everyGap = runs >= MIN_RUNS && frames >= MIN_FLOOR_FRAMES;
        return everyGap || longest >= LONE_RUN_FRAMES ? median : Double.NaN;
    }

    /**
     * The lowest level of the runs at or below {@code ceiling} (the open one included) at and below which
     * lies at least half of their frames; NaN when there are none. One walk up the runs in level order, the
     * open run taken in at its place; runs of equal level count together.
     */
    private double weightedMedian(double ceiling, double openLevel) {
        boolean open = openFrames > 0 && openLevel <= ceiling;
        long total = open ? openFrames : 0;
        int quiet = 0; // the stored runs at or below the ceiling: a prefix of byLevel
        while (quiet < runsStored && runLevel[byLevel[quiet]] <= ceiling) {
            total += runFrames[byLevel[quiet++]];
        }
        if (total == 0) {
            return Double.NaN;
        }
        long below = 0;
        boolean openCounted = !open;
        int k = 0;
        while (true) {
            double level = !openCounted && (k == quiet || openLevel <= runLevel[byLevel[k]])
                    ? openLevel
                    : runLevel[byLevel[k]];
            if (!openCounted && openLevel == level) {
                below += openFrames;
                openCounted = true;
            }
            while (k < quiet && runLevel[byLevel[k]] == level) {
                below += runFrames[byLevel[k++]];
            }
            if (2 * below >= total) {
                return level;
            }
        }
    }

    /** The stored runs as (level, frames), the open run's level and frames, the loudest frame: for tests. */
    int runsStored() {
        return runsStored;
    }

    double runLevel(int i) {
        return runLevel[i];
    }

    int runFrames(int i) {
        return runFrames[i];
    }

    double openLevel() {
        return openFrames > 0 ? openSumDb / openFrames : Double.NaN;
    }

    int openFrames() {
        return openFrames;
    }

    double loudestDb() {
        return loudestDb;
    }

    void reset() {
        Arrays.fill(runLevel, 0);
        Arrays.fill(runFrames, 0);
        Arrays.fill(byLevel, 0);
        runsStored = 0;
        runAt = 0;
        recentFill = 0;
        recentAt = 0;
        openSumDb = 0;
        openFrames = 0;
        loudestDb = Double.NEGATIVE_INFINITY;
    }
}
