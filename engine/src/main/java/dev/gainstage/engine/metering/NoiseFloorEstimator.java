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
        runLevel[runAt] = openSumDb / openFrames;
        runFrames[runAt] = openFrames;
        runAt = (runAt + 1) % RUNS_KEPT;
        runsStored = Math.min(RUNS_KEPT, runsStored + 1);
        openSumDb = 0;
        openFrames = 0;
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
        // the frame-weighted median level of the quiet runs (the open one included)
        long total = weightBelow(Double.POSITIVE_INFINITY, ceiling, openLevel);
        if (total == 0) {
            return Double.NaN;
        }
        double median = Double.NaN;
        for (int i = -1; i < runsStored; i++) {
            double level = i < 0 ? openLevel : runLevel[i];
            if (!(level <= ceiling) || (median <= level)) {
                continue;
            }
            if (2 * weightBelow(level, ceiling, openLevel) >= total) {
                median = level;
            }
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

    /** Frames of the runs at or below {@code level} that are also at or below {@code ceiling}. */
    private long weightBelow(double level, double ceiling, double openLevel) {
        long w = 0;
        for (int i = 0; i < runsStored; i++) {
            if (runLevel[i] <= ceiling && runLevel[i] <= level) {
                w += runFrames[i];
            }
        }
        if (openFrames > 0 && openLevel <= ceiling && openLevel <= level) {
            w += openFrames;
        }
        return w;
    }

    void reset() {
        Arrays.fill(runLevel, 0);
        Arrays.fill(runFrames, 0);
        runsStored = 0;
        runAt = 0;
        recentFill = 0;
        recentAt = 0;
        openSumDb = 0;
        openFrames = 0;
        loudestDb = Double.NEGATIVE_INFINITY;
    }
}
