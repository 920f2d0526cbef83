package dev.gainstage.engine.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Once a second, every stage's output levels (sample peak, true peak, short-term loudness) at the
 * transport position they were heard at. Compact: a point costs 8 bytes of time for the session and
 * 6 bytes per stage (three {@link CentiDb} shorts), in chunks of {@link #CHUNK_POINTS} points; a stage
 * that measured nothing in a chunk's span costs nothing for it. Bounded: past {@link
 * HistoryLimits#maxPoints()} the oldest chunk is forgotten for every stage at once. Stages removed
 * from the session are forgotten. Owned by one thread (the session's adapter side).
 */
public final class LevelHistory {
    /** Ten minutes of points per chunk. */
    public static final int CHUNK_POINTS = 600;

    private static final int FIGURES = 3;

    private final int maxChunks;
    /** Transport seconds of each point, one array per chunk, oldest chunk first. */
    private final List<double[]> times = new ArrayList<>();
    /** Per stage, one chunk of interleaved figures per entry of {@link #times}; null: nothing measured. */
    private final Map<String, List<short[]>> stages = new HashMap<>();
    /** Points kept: the first {@code size} of the chunks. */
    private int size;

    private long forgotten;

    public LevelHistory(HistoryLimits limits) {
        this.maxChunks = Math.max(1, limits.maxPoints() / CHUNK_POINTS);
    }

    /** Points forgotten so far to stay within the bound. */
    public long forgotten() {
        return forgotten;
    }

    public int size() {
        return size;
    }

    /** Points whose transport seconds lie in {@code [from, to]}. */
    public int pointsIn(double from, double to) {
        int n = 0;
        for (int p = 0; p < size; p++) {
            double t = times.get(p / CHUNK_POINTS)[p % CHUNK_POINTS];
            if (t >= from && t <= to) {
                n++;
            }
        }
        return n;
    }

    /** Stages with levels kept. */
    public int stagesKept() {
        return stages.size();
    }

    /** Starts a point at transport seconds {@code seconds}; the stages' figures follow with {@link #put}. */
    public void begin(double seconds) {
        if (size == times.size() * CHUNK_POINTS) {
            if (times.size() == maxChunks) {
                forgetOldestChunk();
            }
            times.add(new double[CHUNK_POINTS]); // a stage's list grows to it when it measures something
        }
        times.get(size / CHUNK_POINTS)[size % CHUNK_POINTS] = seconds;
        size++;
    }

    /** One stage's figures at the point begun last; NaN: not measured. */
    public void put(String stageId, double peakDbfs, double truePeakDbtp, double shortTermLufs) {
        if (size == 0 || (Double.isNaN(peakDbfs) && Double.isNaN(truePeakDbtp) && Double.isNaN(shortTermLufs))) {
            return;
        }
        List<short[]> chunks = stages.computeIfAbsent(stageId, id -> new ArrayList<>());
        while (chunks.size() < times.size()) {
            chunks.add(null);
        }
        int point = size - 1;
        int chunkIndex = point / CHUNK_POINTS;
        short[] chunk = chunks.get(chunkIndex);
        if (chunk == null) {
            chunk = new short[CHUNK_POINTS * FIGURES];
            Arrays.fill(chunk, CentiDb.NONE);
            chunks.set(chunkIndex, chunk);
        }
        int at = (point % CHUNK_POINTS) * FIGURES;
        chunk[at] = CentiDb.encode(peakDbfs);
        chunk[at + 1] = CentiDb.encode(truePeakDbtp);
        chunk[at + 2] = CentiDb.encode(shortTermLufs);
    }

    /** Keeps the stages still in the session only. */
    public void retainOnly(Set<String> stageIds) {
        stages.keySet().retainAll(stageIds);
    }

    private void forgetOldestChunk() {
        times.remove(0);
        for (List<short[]> chunks : stages.values()) {
            if (!chunks.isEmpty()) {
                chunks.remove(0);
            }
        }
        size -= CHUNK_POINTS;
        forgotten += CHUNK_POINTS;
    }

    /**
     * The points whose transport seconds lie in {@code [from, to]}, with the levels of {@code stageIds}
     * (every stage with any level kept when null), copied out; no points when no stage is asked for.
     */
    public HistorySlice.Levels slice(Collection<String> stageIds, double from, double to) {
        if (stageIds != null && stageIds.isEmpty()) {
            return new HistorySlice.Levels(new double[0], List.of());
        }
        int[] picked = new int[size];
        int n = 0;
        for (int p = 0; p < size; p++) {
            double t = times.get(p / CHUNK_POINTS)[p % CHUNK_POINTS];
            if (t >= from && t <= to) {
                picked[n++] = p;
            }
        }
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            int p = picked[i];
            seconds[i] = times.get(p / CHUNK_POINTS)[p % CHUNK_POINTS];
        }
        Collection<String> ids =
                stageIds == null ? stages.keySet().stream().sorted().toList() : stageIds;
        List<HistorySlice.StageSeries> series = new ArrayList<>();
        for (String id : ids) {
            List<short[]> chunks = stages.getOrDefault(id, List.of());
            float[][] figures = new float[FIGURES][n];
            for (int i = 0; i < n; i++) {
                int p = picked[i];
                short[] chunk = p / CHUNK_POINTS < chunks.size() ? chunks.get(p / CHUNK_POINTS) : null;
                for (int f = 0; f < FIGURES; f++) {
                    figures[f][i] = chunk == null ? Float.NaN : CentiDb.decode(chunk[(p % CHUNK_POINTS) * FIGURES + f]);
                }
            }
            series.add(new HistorySlice.StageSeries(id, figures[0], figures[1], figures[2]));
        }
        return new HistorySlice.Levels(seconds, series);
    }
}
