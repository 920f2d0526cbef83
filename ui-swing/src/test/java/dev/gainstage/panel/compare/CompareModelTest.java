package dev.gainstage.panel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.panel.Views;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.CompareView;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import org.junit.jupiter.api.Test;

/** What the compare bar offers and says, without a display. */
class CompareModelTest {
    private static final String EQ = "vox/eq";

    private static SessionView view(boolean active, boolean measured) {
        OverviewRow row =
                Views.strip("vox", "Vox", StripKind.STRIP_KIND_AUDIO_TRACK, StagingState.STAGING_STATE_IN_RANGE);
        var eq = row.getStages(1).toBuilder().setActive(active);
        if (measured) {
            eq.setGainDeltaDb(5.84);
        }
        return SessionView.newBuilder()
                .addRows(row.toBuilder().setStages(1, eq))
                .build();
    }

    @Test
    void offersCompareForAMeasuredActivePluginOnly() {
        CompareModel.State ready = CompareModel.of(view(true, true), EQ);
        assertTrue(ready.canStart());
        assertFalse(ready.comparing());
        assertEquals(EQ, ready.stageId());
        assertEquals("Compare Vox ▸ eq with its bypass, level-matched (it changes the level by +5.8 dB)", ready.text());

        assertFalse(CompareModel.of(view(true, false), EQ).canStart());
        assertEquals(
                "Vox ▸ eq: play audio through it to compare it",
                CompareModel.of(view(true, false), EQ).text());
        assertEquals(
                "Vox ▸ eq is bypassed: activate it to compare it",
                CompareModel.of(view(false, true), EQ).text());
        assertFalse(CompareModel.of(view(true, true), "vox/source").canStart(), "not a plugin");
        assertFalse(CompareModel.of(view(true, true), "").canStart(), "nothing selected");
    }

    @Test
    void whileComparingShowsBothSidesTheMatchAndWhichPlays() {
        SessionView comparing = view(false, true).toBuilder()
                .setCompare(CompareView.newBuilder()
                        .setStageId(EQ)
                        .setStageName("eq")
                        .setStripName("Vox")
                        .setSide(CompareSide.COMPARE_SIDE_B)
                        .setMatchDb(5.84)
                        .setMatchStageId(EQ)
                        .setMatchOnPlugin(true))
                .build();
        CompareModel.State s = CompareModel.of(comparing, "vox/source"); // whatever is selected
        assertTrue(s.comparing());
        assertFalse(s.canStart());
        assertEquals(CompareSide.COMPARE_SIDE_B, s.side());
        assertEquals("A processed", s.sideA());
        assertEquals("B bypassed, level-matched by 5.8 dB", s.sideB());
        assertEquals("Comparing Vox ▸ eq (level-matched by 5.8 dB, on its output, -5.8 dB while processing)", s.text());

        SessionView onFader = comparing.toBuilder()
                .setCompare(comparing.getCompare().toBuilder()
                        .setMatchOnPlugin(false)
                        .setMatchStageId("vox/output")
                        .setSide(CompareSide.COMPARE_SIDE_A))
                .build();
        CompareModel.State f = CompareModel.of(onFader, EQ);
        assertEquals(CompareSide.COMPARE_SIDE_A, f.side());
        assertEquals("Comparing Vox ▸ eq (level-matched by 5.8 dB, on Vox ▸ output, +5.8 dB while bypassed)", f.text());
    }
}
