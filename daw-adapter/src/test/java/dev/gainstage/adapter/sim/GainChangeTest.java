package dev.gainstage.adapter.sim;

import static dev.gainstage.adapter.sim.TestSessions.renderer;
import static dev.gainstage.adapter.sim.TestSessions.sineTrack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GainChangeTest {
    private static final String SESSION = sineTrack("t", 1, -12, """
      trim_db: -3
      plugins { id: "amp" name: "Amp" active: true gain { gain_db: 2 } }
      plugins { id: "comp" name: "Comp" active: true compressor { threshold_db: 0 makeup_db: 1 } }
      sends { id: "fx" target: "fx" level_db: -6 }
      fader_db: -2
      """) + "buses { id: \"fx\" }\n";

    private static double peakAfter(SimSessionRenderer r, String stageId, boolean output) {
        TapRecorder taps = TapRecorder.record(r, 0.1, 0);
        return output ? taps.out(stageId).peakDbfs() : taps.in(stageId).peakDbfs();
    }

    @ParameterizedTest
    @CsvSource({
        "t/source, -4.5, t/trim, t/output",
        "t/trim, 2.5, t/trim, t/output",
        "t/amp, -3, t/amp, t/output",
        "t/comp, -5.8, t/comp, master/output",
        "t/fader, 1.25, t/fader, master/output",
        "t/send-fx, -7, t/send-fx, fx/output",
    })
    void changeMovesEveryDownstreamTapByExactlyThatMuch(
            String stage, double changeDb, String owner, String downstream) {
        SimSessionRenderer r = renderer(SESSION);
        double ownerBefore = peakAfter(r, owner, true);
        double downstreamBefore = peakAfter(r, downstream, true);

        FixOutcome outcome = r.applyGainChange(stage, changeDb);
        assertTrue(outcome.applied(), outcome.message());
        assertTrue(outcome.message().contains(owner), outcome.message());
        r.renderBlock((id, point, buf, ch, frames, pos) -> {}); // the block that ramps to the new gain

        assertEquals(ownerBefore + changeDb, peakAfter(r, owner, true), 0.01);
        assertEquals(downstreamBefore + changeDb, peakAfter(r, downstream, true), 0.01);
    }

    @Test
    void anAbsoluteGainIsSetExactlyAndSaysTheGainBefore() {
        SimSessionRenderer r = renderer(SESSION);
        FixOutcome changed = r.applyGainChange("t/source", -4.3);
        assertEquals(-3, changed.beforeDb(), 1e-12);
        assertEquals(-7.3, changed.afterDb(), 1e-12);
        FixOutcome back = r.setGain("t/source", changed.beforeDb());
        assertTrue(back.applied(), back.message());
        assertEquals(-7.3, back.beforeDb(), 1e-12);
        assertEquals(-3.0, r.gainShown("t/trim").orElseThrow(), 0.0, "exactly the value before");
        FixOutcome outside = r.setGain("t/fader", 100);
        assertFalse(outside.applied());
        assertEquals(-2.0, r.gainShown("t/fader").orElseThrow(), 0.0, "refused: unchanged");
        assertFalse(r.setGain("t/fader", Double.NaN).applied());
    }

    @Test
    void unknownStageIsRefusedAndNothingChanges() {
        SimSessionRenderer r = renderer(SESSION);
        double before = peakAfter(r, "master/output", true);
        FixOutcome outcome = r.applyGainChange("t/nope", -3);
        assertFalse(outcome.applied());
        assertTrue(outcome.message().contains("t/nope"), outcome.message());
        assertEquals(before, peakAfter(r, "master/output", true), 1e-6);
    }

    @Test
    void stageWithoutGainAndOutOfRangeResultsAreRefused() {
        SimSessionRenderer r = renderer(SESSION);
        FixOutcome output = r.applyGainChange("t/output", -3);
        assertFalse(output.applied());
        assertTrue(output.message().contains("no gain"), output.message());
        assertFalse(r.applyGainChange("t/fader", 100).applied());
        assertFalse(r.applyGainChange("t/fader", Double.NaN).applied());
    }

    @Test
    void changesFromAnotherThreadWhileRenderingAreAllApplied() throws Exception {
        SimSessionRenderer r = renderer(SESSION);
        Thread fixer = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                r.applyGainChange("t/fader", i % 2 == 0 ? 0.25 : -0.2);
            }
        });
        fixer.start();
        while (fixer.isAlive()) {
            r.renderBlock((id, point, buf, ch, frames, pos) -> {});
        }
        fixer.join();
        r.renderBlock((id, point, buf, ch, frames, pos) -> {});
        double fader = r.snapshot(1).getStrips(0).getStagesList().stream()
                .filter(s -> s.getId().equals("t/fader"))
                .findFirst()
                .orElseThrow()
                .getGainDb();
        assertEquals(-2 + 500 * 0.25 - 500 * 0.2, fader, 1e-9);
        TapRecorder taps = TapRecorder.record(r, 0.1, 0);
        assertEquals(fader, taps.out("t/fader").peakDbfs() - taps.in("t/fader").peakDbfs(), 0.01);
    }

    @Test
    void snapshotShowsTheChangedGain() {
        SimSessionRenderer r = renderer(SESSION);
        r.applyGainChange("t/fader", -1.5);
        double fader = r.snapshot(1).getStrips(0).getStagesList().stream()
                .filter(s -> s.getId().equals("t/fader"))
                .findFirst()
                .orElseThrow()
                .getGainDb();
        assertEquals(-3.5, fader, 1e-9);
    }
}
