package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.checklist.ChecklistStep;
import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.checklist.ItemState;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The master section through a session: its figures, its history by audio time, its reset and the deliver step. */
class MasterSectionTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = 4_800;
    private static final TapKey MASTER_OUT = new TapKey("master/output", TapPoint.OUTPUT);

    private SessionEngine engine;
    private int handle;
    private long position;

    private void start() throws Exception {
        engine = Blocks.engine("master");
        TestLink link = new TestLink();
        engine.attach(link, "master");
        engine.onSnapshot(
                1,
                List.of(new Strip(
                        "master",
                        "Master",
                        StripKind.MASTER,
                        1,
                        List.of(new Stage(
                                "master/output", StageKind.OUTPUT, "Output", "", true, OptionalDouble.empty(), "")),
                        List.of())));
        handle = link.plan.entrySet().stream()
                .filter(e -> e.getValue().equals(MASTER_OUT))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /** {@code seconds} of a 1 kHz sine at {@code amplitude}, in 100 ms blocks (a tick each). */
    private void play(double seconds, double amplitude) throws Exception {
        for (int b = 0; b < Math.round(seconds * 10); b++) {
            float[] s = Blocks.sine(RATE, 1000, amplitude, 2 * Math.PI * 1000 * position / RATE, FRAMES);
            engine.onTaps(List.of(Blocks.block(handle, RATE, position, s)));
            position += FRAMES;
        }
    }

    @Test
    void theMasterShowsItsProgrammeAndAPointOfHistoryPerSecondOfAudio() throws Exception {
        start();
        play(12, 0.25); // a 1 kHz sine at -12 dBFS: -15.1 LUFS... in one channel (mono, weight 1)
        MasterLoudness m = engine.state().master();
        assertEquals("master/output", m.stageId());
        assertEquals(m.shortTermLufs(), m.momentaryLufs(), 0.05, "a steady tone");
        assertEquals(-12 - 3.01 + 0.0, m.integratedLufs(), 0.2);
        assertEquals(0, m.loudnessRangeLu(), 0.1);
        assertEquals(-12.04, m.samplePeakDbfs(), 0.05);
        assertTrue(m.truePeakDbtp() >= m.samplePeakDbfs() - 1e-9);
        assertEquals(12, m.history().size(), "one point per second of audio: " + m.history());
        assertTrue(Double.isNaN(m.history().getFirst()), "no short-term value in the first second (its window is 3 s)");
        assertEquals(m.shortTermLufs(), m.history().getLast(), 1e-9);
        assertEquals(12.0, m.historyEndSeconds(), 1e-9);
        assertEquals(12.0, m.measuredSeconds(), 1e-9);
    }

    @Test
    void theHistoryIsBoundedToTenMinutes() throws Exception {
        start();
        play(MasterLoudness.HISTORY_POINTS + 5, 0.1);
        MasterLoudness m = engine.state().master();
        assertEquals(MasterLoudness.HISTORY_POINTS, m.history().size());
        assertEquals(MasterLoudness.HISTORY_POINTS + 5.0, m.historyEndSeconds(), 1e-9);
    }

    @Test
    void aResetRestartsIntegratedLoudnessRangeAndHistoryAtTheMaster() throws Exception {
        start();
        play(10, 0.5); // loud
        double loud = engine.state().master().integratedLufs();
        engine.restartMasterLoudness();
        MasterLoudness reset = engine.state().master();
        assertTrue(Double.isNaN(reset.integratedLufs()), "nothing integrated yet: " + reset);
        assertTrue(Double.isNaN(reset.samplePeakDbfs()), "the peak maxima start again: " + reset);
        assertTrue(reset.history().isEmpty());
        assertEquals(0, reset.measuredSeconds(), 1e-9);
        play(10, 0.05); // 20 dB quieter
        MasterLoudness after = engine.state().master();
        assertEquals(loud - 20, after.integratedLufs(), 0.3, "only the audio since the reset is integrated");
        assertEquals(10, after.measuredSeconds(), 1e-9);
        assertEquals(-26.02, after.samplePeakDbfs(), 0.05);
        assertEquals(10, after.history().size());
    }

    @Test
    void aResetBeforeAnyAudioIsRefusedWithTheReason() throws Exception {
        start();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.restartMasterLoudness());
        assertEquals("the session's master has no audio measured yet", e.getMessage());
    }

    @Test
    void theDeliveryTargetAddsTheStepAndIsJudgedOnTheProgramme() throws Exception {
        start();
        play(6, 0.25); // about -15 LUFS integrated, peaks -12 dBFS
        assertEquals(3, engine.state().checklist().steps().size(), "no target, no step 4");
        engine.updateDecisions(d -> d.withDeliveryTarget(DeliveryTarget.STREAMING));
        ChecklistStep deliver = engine.state().checklist().steps().getLast();
        assertEquals(4, deliver.number());
        assertEquals(ItemState.FAILING, deliver.items().getFirst().state(), deliver.toString());
        assertEquals(DeliveryTarget.STREAMING, engine.state().master().target());

        engine.updateDecisions(d -> d.withDeliveryTarget(DeliveryTarget.APPLE_MUSIC));
        ChecklistStep apple = engine.state().checklist().steps().getLast();
        assertEquals(ItemState.PASSING, apple.items().getFirst().state(), apple.toString());

        engine.updateDecisions(d -> d.withDeliveryTarget(DeliveryTarget.NONE));
        assertEquals(3, engine.state().checklist().steps().size());
    }
}
