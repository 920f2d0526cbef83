package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static SessionSnapshot snapshot() throws Exception {
        Path file = Path.of(
                SnapshotTest.class.getResource("/small-session.textproto").toURI());
        return SimSessionRenderer.create(SimSessions.load(file), file.getParent())
                .snapshot(7);
    }

    private static Strip strip(SessionSnapshot s, String id) {
        return s.getStripsList().stream()
                .filter(x -> x.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void trackStagesFollowTheConventionsInSignalOrder() throws Exception {
        SessionSnapshot s = snapshot();
        assertEquals(7, s.getSequence());
        Strip tone = strip(s, "tone");
        assertEquals(StripKind.STRIP_KIND_AUDIO_TRACK, tone.getKind());
        assertEquals(1, tone.getChannels());
        assertEquals(
                List.of("tone/source", "tone/trim", "tone/eq", "tone/send-fx", "tone/fader", "tone/output"),
                tone.getStagesList().stream().map(Stage::getId).toList());
        assertEquals(
                List.of(
                        StageKind.STAGE_KIND_SOURCE,
                        StageKind.STAGE_KIND_TRIM,
                        StageKind.STAGE_KIND_PLUGIN,
                        StageKind.STAGE_KIND_SEND,
                        StageKind.STAGE_KIND_FADER,
                        StageKind.STAGE_KIND_OUTPUT),
                tone.getStagesList().stream().map(Stage::getKind).toList());
        assertEquals(List.of("group", "fx"), tone.getOutputsList());
        Stage eq = tone.getStages(2);
        assertEquals("EQ", eq.getName());
        assertEquals("sim:eq", eq.getPluginUri());
        assertTrue(eq.getActive());
        assertFalse(eq.hasGainDb());
        assertEquals(-2, tone.getStages(1).getGainDb());
        assertEquals(-10, tone.getStages(3).getGainDb());
        assertEquals("fx", tone.getStages(3).getSendTarget());
        assertEquals(-1, tone.getStages(4).getGainDb());

        // A post-fader send comes after the fader.
        assertEquals(
                List.of("noise/source", "noise/trim", "noise/comp", "noise/fader", "noise/send-fx", "noise/output"),
                strip(s, "noise").getStagesList().stream().map(Stage::getId).toList());
    }

    @Test
    void busesAndMasterSumTheirInputs() throws Exception {
        SessionSnapshot s = snapshot();
        assertEquals(
                List.of("tone", "noise", "fx", "group", "master"),
                s.getStripsList().stream().map(Strip::getId).toList());
        Strip fx = strip(s, "fx");
        assertEquals(StripKind.STRIP_KIND_BUS, fx.getKind());
        assertEquals(2, fx.getChannels());
        assertEquals(List.of("group"), fx.getOutputsList());
        assertEquals("Bus input", fx.getStages(0).getName());
        Strip master = strip(s, "master");
        assertEquals(StripKind.STRIP_KIND_MASTER, master.getKind());
        assertEquals("Master input", master.getStages(0).getName());
        assertEquals(
                List.of("master/source", "master/trim", "master/limiter", "master/fader", "master/output"),
                master.getStagesList().stream().map(Stage::getId).toList());
        assertTrue(master.getOutputsList().isEmpty());
    }
}
