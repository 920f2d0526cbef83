package dev.gainstage.adapter.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.CompareAction;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.CompareResult;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter's A/B against a DAW of two maps: which side changes what, and that it always ends as it began. */
class ComparerTest {
    private static final String EQ = "s/eq";
    private static final String FADER = "s/fader";

    @Test
    void withoutAnOutputControlTheBypassIsRaisedOnTheFaderAndEverythingEndsAsItWas() {
        Daw daw = new Daw(false);
        Comparer comparer = new Comparer(daw);

        CompareResult b = comparer.handle(start(4.25));
        assertTrue(b.getApplied(), b.getMessage());
        assertEquals(FADER, b.getMatchStageId());
        assertEquals(CompareSide.COMPARE_SIDE_B, b.getSide());
        assertFalse(daw.active.get(EQ));
        assertEquals(-3 + 4.25, daw.gains.get(FADER), 1e-12, "side B: the bypass raised by the measured change");

        CompareResult a = comparer.handle(command(CompareAction.COMPARE_ACTION_SWITCH, CompareSide.COMPARE_SIDE_A));
        assertTrue(a.getApplied(), a.getMessage());
        assertTrue(daw.active.get(EQ));
        assertEquals(-3, daw.gains.get(FADER), 0.0, "side A: the plugin as it is");

        comparer.handle(command(CompareAction.COMPARE_ACTION_SWITCH, CompareSide.COMPARE_SIDE_B));
        CompareResult end =
                comparer.handle(command(CompareAction.COMPARE_ACTION_END, CompareSide.COMPARE_SIDE_UNSPECIFIED));
        assertTrue(end.getApplied(), end.getMessage());
        assertTrue(daw.active.get(EQ));
        assertEquals(-3, daw.gains.get(FADER), 0.0);
        assertFalse(comparer.comparing());
    }

    @Test
    void withAnOutputControlTheProcessedSideIsLoweredOnItAndRestoreOnStreamEndPutsItBack() {
        Daw daw = new Daw(true);
        daw.gains.put(EQ, 10.0);
        Comparer comparer = new Comparer(daw);
        assertTrue(comparer.handle(start(4.25)).getApplied());
        assertFalse(daw.active.get(EQ));
        comparer.handle(command(CompareAction.COMPARE_ACTION_SWITCH, CompareSide.COMPARE_SIDE_A));
        assertTrue(daw.active.get(EQ));
        assertEquals(10 - 4.25, daw.gains.get(EQ), 1e-12, "side A: its output lowered by the measured change");
        assertEquals(-3, daw.gains.get(FADER), 0.0, "the fader is not touched");

        comparer.restore();
        assertTrue(daw.active.get(EQ));
        assertEquals(10, daw.gains.get(EQ), 0.0);
        assertFalse(comparer.comparing());
    }

    @Test
    void aMatchTheOutputControlCannotTakeGoesToTheFaderThenTheTrim() {
        Daw daw = new Daw(true);
        Comparer comparer = new Comparer(daw);
        CompareResult r = comparer.handle(start(2)); // its output would be -0.5 dB, below its 0 dB
        assertTrue(r.getApplied(), r.getMessage());
        assertEquals(FADER, r.getMatchStageId());
        assertEquals(-1, daw.gains.get(FADER), 1e-12);
        comparer.handle(command(CompareAction.COMPARE_ACTION_END, CompareSide.COMPARE_SIDE_UNSPECIFIED));

        CompareResult trim = comparer.handle(start(12)); // the fader would be +9 dB: over its +6 dB
        assertTrue(trim.getApplied(), trim.getMessage());
        assertEquals("s/trim", trim.getMatchStageId());
        assertEquals(12, daw.gains.get("s/trim"), 1e-12);
        comparer.handle(command(CompareAction.COMPARE_ACTION_END, CompareSide.COMPARE_SIDE_UNSPECIFIED));
        assertEquals(0, daw.gains.get("s/trim"), 0.0);
        assertEquals(1.5, daw.gains.get(EQ), 0.0);

        assertEquals(
                "no gain can match s/eq by +30.0 dB: s/eq to -28.5 dB, s/fader to +27.0 dB, s/trim to +30.0 dB"
                        + " would be out of range",
                comparer.handle(start(30)).getMessage());
        assertTrue(daw.active.get(EQ), "nothing changed");
    }

    @Test
    void aStartTheDawRefusesPartWayIsUndoneAndSaysWhy() {
        Daw daw = new Daw(false);
        daw.refuseSets = true;
        Comparer comparer = new Comparer(daw);
        CompareResult r = comparer.handle(start(4));
        assertFalse(r.getApplied());
        assertEquals("s/fader: Ardour did not show it", r.getMessage());
        assertTrue(daw.active.get(EQ), "the bypass was undone");
        assertEquals(-3, daw.gains.get(FADER), 0.0);
        assertFalse(comparer.comparing());
    }

    @Test
    void refusesWhatItCannotDoInOneLine() {
        Daw daw = new Daw(false);
        Comparer comparer = new Comparer(daw);
        assertEquals(
                "nothing is being compared",
                comparer.handle(command(CompareAction.COMPARE_ACTION_SWITCH, CompareSide.COMPARE_SIDE_A))
                        .getMessage());
        daw.active.put(EQ, false);
        assertEquals(
                "s/eq is bypassed already: activate it to compare it",
                comparer.handle(start(2)).getMessage());
        daw.active.put(EQ, true);
        assertTrue(comparer.handle(start(2)).getApplied());
        assertEquals(
                "already comparing s/eq: end that comparison first",
                comparer.handle(start(2)).getMessage());
    }

    private static CompareCommand start(double matchDb) {
        return command(CompareAction.COMPARE_ACTION_START, CompareSide.COMPARE_SIDE_B).toBuilder()
                .setMatchDb(matchDb)
                .build();
    }

    private static CompareCommand command(CompareAction action, CompareSide side) {
        return CompareCommand.newBuilder()
                .setCompareId("c")
                .setAction(action)
                .setStageId(EQ)
                .setSide(side)
                .build();
    }

    /** One strip: trim, an EQ (with or without an output control of its own at +1.5 dB), a fader at -3 dB. */
    private static final class Daw implements CompareHost {
        final Map<String, Boolean> active = new HashMap<>(Map.of(EQ, true));
        final Map<String, Double> gains = new HashMap<>(Map.of("s/trim", 0.0, FADER, -3.0));
        final boolean outputControl;
        boolean refuseSets;
        final List<Strip> strips = List.of(Strip.newBuilder()
                .setId("s")
                .addStages(stage("s/trim", StageKind.STAGE_KIND_TRIM))
                .addStages(stage(EQ, StageKind.STAGE_KIND_PLUGIN))
                .addStages(stage(FADER, StageKind.STAGE_KIND_FADER))
                .build());

        Daw(boolean outputControl) {
            this.outputControl = outputControl;
            if (outputControl) {
                gains.put(EQ, 1.5);
            }
        }

        private static Stage stage(String id, StageKind kind) {
            return Stage.newBuilder().setId(id).setKind(kind).build();
        }

        @Override
        public boolean pluginActive(String pluginStageId) throws CompareRefused {
            Boolean a = active.get(pluginStageId);
            if (a == null) {
                throw new CompareRefused(pluginStageId + " is not a plugin");
            }
            return a;
        }

        @Override
        public void setPluginActive(String pluginStageId, boolean on) throws CompareRefused {
            pluginActive(pluginStageId);
            active.put(pluginStageId, on);
        }

        @Override
        public List<String> matchStages(String pluginStageId) throws CompareRefused {
            List<String> stages = new java.util.ArrayList<>();
            if (outputControl) {
                stages.add(pluginStageId);
            }
            stages.addAll(MatchStages.gainStagesFor(strips, pluginStageId));
            return stages;
        }

        /** Ardour's ranges: the fader -120..+6 dB, the trim -20..+20 dB, the output control 0..+30 dB. */
        @Override
        public boolean accepts(String stageId, double db) throws CompareRefused {
            gainDb(stageId);
            return switch (stageId) {
                case FADER -> db >= -120 && db <= 6;
                case EQ -> db >= 0 && db <= 30;
                default -> db >= -20 && db <= 20;
            };
        }

        @Override
        public double gainDb(String stageId) throws CompareRefused {
            Double g = gains.get(stageId);
            if (g == null) {
                throw new CompareRefused(stageId + " has no gain");
            }
            return g;
        }

        @Override
        public void setGainDb(String stageId, double db) throws CompareRefused {
            if (refuseSets && db != gainDb(stageId)) {
                throw new CompareRefused(stageId + ": Ardour did not show it");
            }
            gains.put(stageId, db);
        }
    }
}
