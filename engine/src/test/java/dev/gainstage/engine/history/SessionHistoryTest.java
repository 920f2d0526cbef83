package dev.gainstage.engine.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.rules.WarningState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history's points, spans, bounds and transport times, without audio. */
class SessionHistoryTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void oneLevelPointPerSecondOfAudioAtTheTransportPositionHeard() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        // Ticks every 100 ms of audio; the transport starts at 60 s (the DAW's playhead, not the stream).
        for (int tick = 1; tick <= 30; tick++) {
            double audio = tick * 0.1;
            h.tick(audio, 60 + audio, List.of("a"), id -> reading(-12.34, -11.1, -20.05), List.of());
        }
        HistorySlice s = h.query(null, -INF, INF);
        // Seconds 0 (first tick at 0.1 s), 1, 2 and 3 (the tick at 3.0 s) each begin a point.
        assertArrayEquals(new double[] {60.1, 61.0, 62.0, 63.0}, s.levels().pointSeconds(), 1e-9);
        HistorySlice.StageSeries a = s.levels().stages().getFirst();
        assertEquals(-12.34f, a.samplePeakDbfs()[0], 0.005f);
        assertEquals(-11.1f, a.truePeakDbtp()[1], 0.005f);
        assertEquals(-20.05f, a.shortTermLufs()[3], 0.005f);
        assertEquals(63.0, s.nowSeconds(), 1e-9);
    }

    @Test
    void nothingMeasuredStaysNaNAndAStageWithoutLevelsCostsNothing() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        h.tick(
                0.5,
                0.5,
                List.of("a", "b"),
                id -> id.equals("a") ? reading(Double.NaN, -3, Double.NaN) : null,
                List.of());
        h.tick(1.5, 1.5, List.of("a", "b"), id -> reading(-6, -5, -14), List.of());
        HistorySlice s = h.query(List.of("a", "b", "never"), -INF, INF);
        HistorySlice.StageSeries a = s.levels().stages().get(0);
        HistorySlice.StageSeries b = s.levels().stages().get(1);
        HistorySlice.StageSeries never = s.levels().stages().get(2);
        assertTrue(Float.isNaN(a.samplePeakDbfs()[0]));
        assertEquals(-3f, a.truePeakDbtp()[0], 0.005f);
        assertTrue(Float.isNaN(b.samplePeakDbfs()[0]), "b had no reading at the first point");
        assertEquals(-6f, b.samplePeakDbfs()[1], 0.005f);
        assertTrue(Float.isNaN(never.shortTermLufs()[1]));
        assertEquals(
                List.of("a", "b"),
                h.query(null, -INF, INF).levels().stages().stream()
                        .map(HistorySlice.StageSeries::stageId)
                        .toList(),
                "all: the stages with levels kept");
    }

    @Test
    void aGapInTheAudioAndAJumpOfTheTransportShowAsTheyWereHeard() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        h.tick(0.1, 10.1, List.of("a"), id -> reading(-6, -6, -6), List.of());
        // Audio seconds 1..4 were never heard (dropped): no points for them.
        h.tick(5.0, 15.0, List.of("a"), id -> reading(-6, -6, -6), List.of());
        // The user located back to 2 s.
        h.tick(6.0, 2.0, List.of("a"), id -> reading(-6, -6, -6), List.of());
        assertArrayEquals(
                new double[] {10.1, 15.0, 2.0},
                h.query(null, -INF, INF).levels().pointSeconds(),
                1e-9);
        assertArrayEquals(
                new double[] {10.1, 2.0}, h.query(null, 0, 12).levels().pointSeconds(), 1e-9);
    }

    @Test
    void levelsAreBoundedForgettingTheOldestChunkForEveryStage() {
        SessionHistory h = new SessionHistory(new HistoryLimits(2 * LevelHistory.CHUNK_POINTS, 10));
        for (int second = 0; second < 3000; second++) {
            double peak = -second / 100.0;
            h.tick(second, second, List.of("a", "b"), id -> reading(peak, peak, peak), List.of());
        }
        HistorySlice s = h.query(null, -INF, INF);
        // 3000 points, two chunks of 600 kept: after the 5th chunk starts, 1800 (chunks 1-3) were dropped.
        assertEquals(1800, s.forgotten());
        assertEquals(1200, s.levels().pointSeconds().length);
        assertEquals(1800.0, s.levels().pointSeconds()[0], 1e-9);
        assertEquals(-18.0f, s.levels().stages().get(1).samplePeakDbfs()[0], 0.005f);
        assertEquals(-29.99f, s.levels().stages().get(1).samplePeakDbfs()[1199], 0.005f);
    }

    @Test
    void askingForNoStageGivesTheSpansWithoutPoints() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        h.tick(0.1, 0.1, List.of("a"), id -> reading(-6, -6, -6), List.of());
        HistorySlice s = h.query(List.of(), -INF, INF);
        assertEquals(0, s.levels().pointSeconds().length);
        assertEquals(List.of(), s.levels().stages());
    }

    @Test
    void stagesRemovedFromTheSessionAreForgotten() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        h.tick(0.1, 0.1, List.of("a", "b"), id -> reading(-6, -6, -6), List.of());
        h.retainStages(Set.of("b"));
        assertEquals(
                List.of("b"),
                h.query(null, -INF, INF).levels().stages().stream()
                        .map(HistorySlice.StageSeries::stageId)
                        .toList());
    }

    @Test
    void aWarningSpansFromRaisedToClearedAtTheTransportPositions() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        Warning w = warning("SOURCE_TOO_HOT@t/source", WarningState.RAISED, -2);
        h.tick(1.0, 81.0, List.of(), id -> null, List.of(w));
        h.tick(2.0, 82.0, List.of(), id -> null, List.of(w.withState(WarningState.UPDATED)));
        HistorySlice open = h.query(null, 100, 200);
        assertEquals(1, open.warnings().size(), "an active warning reaches on to now");
        WarningSpan active = open.warnings().getFirst();
        assertTrue(active.active());
        assertEquals(81.0, active.raisedSeconds(), 1e-9);
        assertEquals(82.0, active.updatedSeconds(), 1e-9);
        assertEquals(1, active.updates());
        assertEquals("source too hot", active.title());

        h.tick(7.0, 87.0, List.of(), id -> null, List.of(w.withState(WarningState.CLEARED)));
        WarningSpan cleared = h.query(null, -INF, INF).warnings().getFirst();
        assertEquals(87.0, cleared.clearedSeconds(), 1e-9);
        assertEquals(List.of(), h.query(null, 90, 100).warnings(), "a cleared span ends where it cleared");
        assertEquals(1, h.query(null, 86, 100).warnings().size());
    }

    @Test
    void warningSpansAreBoundedDroppingTheOldestClearedFirst() {
        SessionHistory h = new SessionHistory(new HistoryLimits(LevelHistory.CHUNK_POINTS, 3));
        Warning keep = warning("MASTER_OVER_0DBFS@master/output", WarningState.RAISED, 1);
        h.tick(0.1, 0.1, List.of(), id -> null, List.of(keep)); // stays active
        for (int i = 0; i < 5; i++) {
            Warning w = warning("SOURCE_TOO_HOT@t" + i + "/source", WarningState.RAISED, -2);
            h.tick(i + 1, i + 1, List.of(), id -> null, List.of(w));
            h.tick(i + 1.5, i + 1.5, List.of(), id -> null, List.of(w.withState(WarningState.CLEARED)));
        }
        List<String> ids = h.query(null, -INF, INF).warnings().stream()
                .map(WarningSpan::warningId)
                .toList();
        assertEquals(
                List.of("MASTER_OVER_0DBFS@master/output", "SOURCE_TOO_HOT@t3/source", "SOURCE_TOO_HOT@t4/source"),
                ids);
    }

    @Test
    void anAnswerTooLargeIsRefusedAndAShorterRangeFits() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("s" + i);
        }
        for (int second = 0; second < 1001; second++) {
            h.tick(second, second, ids, id -> reading(-6, -6, -6), List.of());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.query(null, -INF, INF));
        assertEquals(
                "the history of 1000 stages over 1001 points is more than one answer holds (1000000 stage-points): "
                        + "ask for fewer stages or a shorter range",
                e.getMessage());
        assertEquals(1000, h.query(null, 1, 1000).levels().pointSeconds().length);
        assertEquals(1001, h.query(ids.subList(0, 10), -INF, INF).levels().pointSeconds().length);
    }

    @Test
    void aBadRangeIsRefused() {
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> h.query(null, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> h.query(null, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new HistoryLimits(10, 1));
    }

    @Test
    void theTransportCountsOnFromItsAnchorWhileRollingAndStandsWhileStopped() {
        TransportMap t = new TransportMap();
        assertEquals(2.0, t.secondsAt(96_000, 48_000), 1e-12, "unanchored: the stream positions are the timeline");
        t.anchor(true, 44_100 * 83L, 44_100, 1_000_000);
        assertEquals(83.0, t.secondsAt(1_000_000, 44_100), 1e-12);
        assertEquals(84.5, t.secondsAt(1_000_000 + 66_150, 44_100), 1e-12);
        t.anchor(false, 44_100 * 10L, 44_100, 2_000_000);
        assertEquals(10.0, t.secondsAt(3_000_000, 44_100), 1e-12, "stopped: the playhead stands");
        t.rolling(true, 3_000_000, 44_100);
        assertEquals(11.0, t.secondsAt(3_044_100, 44_100), 1e-12, "rolls on from where it stood");
        t.rolling(false, 3_088_200, 44_100);
        assertEquals(12.0, t.secondsAt(4_000_000, 44_100), 1e-12, "stops where it was");
        t.reset();
        assertEquals(1.0, t.secondsAt(44_100, 44_100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> t.anchor(true, 0, 0, 0));
    }

    static MeterReading reading(double peak, double truePeak, double shortTerm) {
        double n = Double.NaN;
        return new MeterReading(
                48000, 1, peak, truePeak, n, shortTerm, shortTerm, peak, truePeak, n, n, n, n, n, n, 0, 0, 0, n, n, 1);
    }

    static Warning warning(String id, WarningState state, double measured) {
        String rule = id.substring(0, id.indexOf('@'));
        String stage = id.substring(id.indexOf('@') + 1);
        return new Warning(
                id,
                Rule.valueOf(rule),
                state,
                stage.substring(0, stage.indexOf('/')),
                "Strip",
                stage,
                "Stage",
                measured,
                -6,
                "dBFS",
                "message",
                "suggestion",
                List.of(),
                0,
                0,
                measured,
                "",
                false,
                "",
                false,
                "");
    }
}
