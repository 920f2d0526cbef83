package dev.gainstage.panel.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The meters' scale, readouts, layout, clip indicators and gaps, without a display. */
class MetersTest {
    /** Every character 6 px wide: a stand-in for a font's metrics. */
    static final ToIntFunction<String> SIX_PX = s -> 6 * s.length();

    @Test
    void theScaleGivesTheTopOfTheRangeMostOfTheBar() {
        assertEquals(0, LevelScale.fraction(Double.NaN));
        assertEquals(0, LevelScale.fraction(-90));
        assertEquals(0, LevelScale.fraction(LevelScale.FLOOR_DB));
        assertEquals(1, LevelScale.fraction(LevelScale.CEILING_DB));
        assertEquals(1, LevelScale.fraction(20));
        double previous = -1;
        for (double db = -60; db <= 6; db += 0.5) {
            double f = LevelScale.fraction(db);
            assertTrue(f > previous, "rises at " + db);
            previous = f;
        }
        double linearStep = 6.0 / 66.0;
        double apart = LevelScale.fraction(-6) - LevelScale.fraction(-12);
        assertTrue(apart > 1.4 * linearStep, "-12 and -6 dBFS are further apart than on a linear scale: " + apart);
        assertTrue(LevelScale.fraction(-20) < 0.45, "-20..+6 dBFS take more than half the bar");
        assertEquals(0.867, LevelScale.fraction(0), 0.001);
    }

    @Test
    void theLabelledTicksNeverTouchAndAWideBarShowsMore() {
        List<LevelScale.Tick> narrow = LevelScale.ticks(100, SIX_PX, 3);
        List<String> labels = narrow.stream().map(LevelScale.Tick::label).toList();
        assertTrue(labels.containsAll(List.of("0", "-6", "-20")), labels.toString());
        for (int i = 1; i < narrow.size(); i++) {
            LevelScale.Tick a = narrow.get(i - 1);
            LevelScale.Tick b = narrow.get(i);
            assertTrue(a.labelX() + SIX_PX.applyAsInt(a.label()) + 3 <= b.labelX(), a + " touches " + b);
        }
        for (LevelScale.Tick t : narrow) {
            assertTrue(t.labelX() >= 0 && t.labelX() + SIX_PX.applyAsInt(t.label()) <= 100, t + " leaves the bar");
        }
        List<String> wide = LevelScale.ticks(300, SIX_PX, 3).stream()
                .map(LevelScale.Tick::label)
                .toList();
        assertTrue(wide.containsAll(List.of("0", "-3", "-6", "-12", "-20", "-30", "-40")), wide.toString());
        assertTrue(wide.size() > labels.size());
    }

    @Test
    void readoutsSayPeakAndHoldWithUnitsWhenThereIsRoom() {
        assertEquals("-8.1", Readout.db(-8.14));
        assertEquals("+2.2", Readout.db(2.2));
        assertEquals("0.0", Readout.db(0.04));
        assertEquals("-", Readout.db(Double.NaN));
        assertEquals("+14.6 dB", Readout.delta(14.6));
        assertEquals("", Readout.delta(Double.NaN));
        assertEquals(0, Readout.wording(400, SIX_PX));
        assertEquals(new Readout("-8.1 dBFS", "hold -5.0 dBFS"), Readout.of(-8.1, -5.0, 0));
        int narrow = Readout.wording(70, SIX_PX);
        assertEquals(3, narrow);
        assertEquals(new Readout("-8.1", "-5.0"), Readout.of(-8.1, -5.0, narrow));
        int middle = Readout.wording(100, SIX_PX);
        Readout widest = Readout.of(-88.8, -88.8, middle);
        assertTrue(
                SIX_PX.applyAsInt(widest.peak()) + Readout.GAP + SIX_PX.applyAsInt(widest.hold()) <= 100,
                "the chosen wording fits the widest numbers");
        assertEquals(new Readout("-8.1", "hold -5.0"), Readout.of(-8.1, -5.0, middle));
    }

    @Test
    void cellsGrowWithTheWindowAndKeepMinusTwelveAndMinusSixApart() {
        OverviewGeometry at820 = OverviewGeometry.of(800, 13, 80, 6, 12);
        OverviewGeometry at1600 = OverviewGeometry.of(1580, 13, 80, 6, 12);
        OverviewGeometry at1920 = OverviewGeometry.of(1900, 13, 80, 6, 12);
        assertTrue(at820.minimumWidth(13) <= 800, "a chain of six fits at 820 px");
        assertTrue(at1600.cellWidth() > at820.cellWidth() * 1.8, at820 + " vs " + at1600);
        assertTrue(at1920.cellWidth() > at1600.cellWidth());
        assertTrue(at820.cellX(6) <= 800, "the last cell ends inside the width");
        int bar = at820.barWidth();
        assertTrue(LevelScale.x(-6, bar) - LevelScale.x(-12, bar) >= 12, "-12 and -6 dBFS apart at 820 px");
        assertTrue(at820.ledX() + at820.ledWidth() <= at820.boxWidth(), "the clip indicator lies in the cell");
        assertTrue(at820.onLed(at820.ledX() + 1, at820.outBarY()));
        assertFalse(at820.onLed(at820.barX() + 1, at820.outBarY()));
        assertEquals(-1, at820.columnAt(10));
        assertEquals(1, at820.columnAt(at820.cellX(1) + 3));
    }

    @Test
    void aClipIndicatorLatchesUntilResetAndIgnoresTheOverItWasResetFor() {
        ClipLatches c = new ClipLatches();
        c.observe("s", ClipLatches.Tap.OUTPUT, -3, 1.0);
        assertFalse(c.lit("s", ClipLatches.Tap.OUTPUT));
        c.observe("s", ClipLatches.Tap.OUTPUT, 0.5, 1.1);
        c.observe("s", ClipLatches.Tap.OUTPUT, -10, 5.0);
        assertTrue(c.lit("s", ClipLatches.Tap.OUTPUT), "stays lit after the level dropped");
        assertFalse(c.lit("s", ClipLatches.Tap.INPUT), "each bar has its own");
        c.reset("s", Double.NaN, 0.5, 5.0);
        assertFalse(c.lit("s", ClipLatches.Tap.OUTPUT));
        c.observe("s", ClipLatches.Tap.OUTPUT, 0.5, 6.0);
        assertFalse(c.lit("s", ClipLatches.Tap.OUTPUT), "the same over, still in the 3 s peak, does not relight");
        c.observe("s", ClipLatches.Tap.OUTPUT, 0.9, 6.5);
        assertTrue(c.lit("s", ClipLatches.Tap.OUTPUT), "a higher peak is a new over");
        c.reset("s", Double.NaN, 0.9, 7.0);
        c.observe("s", ClipLatches.Tap.OUTPUT, 0.9, 10.5);
        assertTrue(c.lit("s", ClipLatches.Tap.OUTPUT), "an over 3 s after the reset is new");
    }

    private static SessionView drops(double t, long kick, long snare) {
        return SessionView.newBuilder()
                .setSessionKey("k")
                .setAudioTimeSeconds(t)
                .addRows(OverviewRow.newBuilder()
                        .setStripId("kick")
                        .setName("Kick")
                        .addStages(StageView.newBuilder()
                                .setStageId("kick/source")
                                .setName("Source")
                                .setKind(StageKind.STAGE_KIND_SOURCE)
                                .setDroppedBlocks(kick)))
                .addRows(OverviewRow.newBuilder()
                        .setStripId("snare")
                        .setName("Snare")
                        .addStages(StageView.newBuilder()
                                .setStageId("snare/source")
                                .setName("Source")
                                .setKind(StageKind.STAGE_KIND_SOURCE)
                                .setDroppedBlocks(snare)))
                .build();
    }

    @Test
    void aMeteringGapIsTimePerStageAndClearsWhenOld() {
        MeteringGaps g = new MeteringGaps();
        g.update(drops(0.5, 0, 0));
        assertEquals("", g.text("kick/source"));
        assertEquals("", g.summary());
        g.update(drops(1.0, 5, 0));
        g.update(drops(1.5, 10, 0));
        g.update(drops(2.0, 20, 3));
        g.update(drops(2.2, 30, 3));
        g.update(drops(2.5, 30, 3));
        assertEquals("metering gap of 1.7 s at 0:00", g.text("kick/source"));
        assertEquals("metering gap of 0.5 s at 0:01", g.text("snare/source"));
        assertEquals("metering gap of 1.7 s at 0:00 (Kick \u25B8 Source and 1 more)", g.summary());
        g.update(drops(12.3, 30, 3));
        assertEquals("", g.text("kick/source"), "10 s after it ended");
        assertEquals("", g.summary());
        g.update(drops(14.0, 31, 3));
        assertEquals("metering gap of 1.7 s at 0:12", g.text("kick/source"), "a new gap");
    }

    @Test
    void dropsFromBeforeThePanelWatchedHaveNoLength() {
        MeteringGaps g = new MeteringGaps();
        g.update(drops(14.2, 14104, 0));
        assertEquals("metering gap before 0:14", g.text("kick/source"));
        assertFalse(g.summary().contains("14104"), g.summary());
    }
}
