package dev.gainstage.engine.history;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Warning;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A session's compact history on the DAW's timeline: the {@link LevelHistory} (once a second of session
 * audio, every stage's output levels) and the {@link WarningSpans}. Points and events are stamped with
 * the transport position they were heard at (the caller's {@link TransportMap}), so the timeline is the
 * DAW's, whatever the tap stream's own counter. Owned by the session's adapter side; queries are made
 * there too (under the session's lock) and return copies.
 */
public final class SessionHistory {
    /**
     * The most stage-points one query returns (12 bytes each on the wire, about 12 MB): past it the
     * query is refused, so one call cannot hold the session's lock for a copy of everything.
     */
    public static final long MAX_STAGE_POINTS = 1_000_000;

    private final LevelHistory levels;
    private final WarningSpans warnings;
    /** The whole second of session audio the last point was taken in; -1 before the first. */
    private long lastSecond = -1;

    private double nowSeconds;

    public SessionHistory(HistoryLimits limits) {
        this.levels = new LevelHistory(limits);
        this.warnings = new WarningSpans(limits);
    }

    /** The readings a point takes, per stage: its output tap's. */
    public interface StageReadings {
        /** The output reading of {@code stageId}, or null when it has none. */
        MeterReading output(String stageId);
    }

    /**
     * One judged tick at session audio {@code audioSeconds}, heard at transport {@code transportSeconds}:
     * the first tick of every new second of audio takes a point of every stage in {@code stageIds}, and
     * the tick's warning events go into their spans.
     */
    public void tick(
            double audioSeconds,
            double transportSeconds,
            Collection<String> stageIds,
            StageReadings readings,
            List<Warning> events) {
        nowSeconds = transportSeconds;
        // The clock sums block lengths: ten 0.1 s ticks make 0.9999999999999999, which is second 1.
        long second = (long) Math.floor(audioSeconds + 1e-9);
        if (second > lastSecond) {
            lastSecond = second;
            levels.begin(transportSeconds);
            for (String id : stageIds) {
                MeterReading r = readings.output(id);
                if (r != null) {
                    levels.put(id, r.samplePeakDbfs(), r.truePeakDbtp(), r.shortTermLufs());
                }
            }
        }
        for (Warning e : events) {
            warnings.onEvent(e, transportSeconds);
        }
    }

    /** The session's stages changed: levels of stages gone are forgotten (their warnings' spans stay). */
    public void retainStages(Set<String> stageIds) {
        levels.retainOnly(stageIds);
    }

    /**
     * The history between transport seconds {@code from} and {@code to}: the points in it with the
     * levels of {@code stageIds} (null: every stage that has levels kept; empty: none), and every
     * warning span that overlaps it.
     *
     * @throws IllegalArgumentException for an empty range, or more than {@link #MAX_STAGE_POINTS} asked
     */
    public HistorySlice query(Collection<String> stageIds, double from, double to) {
        if (Double.isNaN(from) || Double.isNaN(to) || from > to) {
            throw new IllegalArgumentException("history range " + from + ".." + to + " is empty or not a number");
        }
        long stages = stageIds == null ? levels.stagesKept() : stageIds.size();
        long points = stages == 0 ? 0 : levels.pointsIn(from, to);
        if (stages * points > MAX_STAGE_POINTS) {
            throw new IllegalArgumentException("the history of " + stages + " stages over " + points
                    + " points is more than one answer holds (" + MAX_STAGE_POINTS
                    + " stage-points): ask for fewer stages or a shorter range");
        }
        return new HistorySlice(
                levels.slice(stageIds, from, to), warnings.overlapping(from, to), levels.forgotten(), nowSeconds);
    }
}
