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
        Comparer comparer = new Comparer(daw);
        assertTrue(comparer.handle(start(4.25)).getApplied());
        assertFalse(daw.active.get(EQ));
        comparer.handle(command(CompareAction.COMPARE_ACTION_SWITCH, CompareSide.COMPARE_SIDE_A));
        assertTrue(daw.active.get(EQ));
        assertEquals(1.5 - 4.25, daw.gains.get(EQ), 1e-12, "side A: its output lowered by the measured change");
        assertEquals(-3, daw.gains.get(FADER), 0.0, "the fader is not touched");

        comparer.restore();
        assertTrue(daw.active.get(EQ));
        assertEquals(1.5, daw.gains.get(EQ), 0.0);
        assertFalse(comparer.comparing());
    }

    @Test
    void aStartTheDawRefusesPartWayIsUndoneAndSaysWhy() {
        Daw daw = new Daw(false);
        Comparer comparer = new Comparer(daw);
        CompareResult r = comparer.handle(start(12)); // the fader would be +9 dB: over its +6 dB
        assertFalse(r.getApplied());
        assertEquals("s/fader would be +9.0 dB, above its +6.0 dB", r.getMessage());
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
        public String matchStage(String pluginStageId) throws CompareRefused {
            if (outputControl) {
                return pluginStageId;
            }
            return MatchStages.gainStageFor(strips, pluginStageId)
                    .orElseThrow(() -> new CompareRefused("no gain stage"));
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
            gainDb(stageId);
            if (db > 6) {
                throw new CompareRefused(
                        String.format(java.util.Locale.ROOT, "%s would be %+.1f dB, above its +6.0 dB", stageId, db));
            }
            gains.put(stageId, db);
        }
    }
}
