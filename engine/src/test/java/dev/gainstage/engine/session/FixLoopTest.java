package dev.gainstage.engine.session;

import static dev.gainstage.engine.session.Blocks.block;
import static dev.gainstage.engine.session.Blocks.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fix of several steps whose adapter goes away in the middle still answers, step by step. */
class FixLoopTest {
    private static final int RATE = 48_000;
    private static final TapKey MASTER_OUT = new TapKey("master/out", TapPoint.OUTPUT);

    @Test
    void aStepWhoseRequestThrowsFailsAloneAndTheOutcomeSaysWhatWasApplied() throws Exception {
        SessionEngine engine = Blocks.engine("fix");
        LeavingLink link = new LeavingLink();
        engine.attach(link, "fix");
        engine.onSnapshot(
                1,
                List.of(
                        Blocks.track("a", "master"),
                        Blocks.track("b", "master"),
                        new Strip(
                                "master",
                                "Master",
                                StripKind.MASTER,
                                1,
                                List.of(new Stage(
                                        "master/out", StageKind.OUTPUT, "Out", "", true, OptionalDouble.empty(), "")),
                                List.of())));
        int handle = link.plan.entrySet().stream()
                .filter(e -> e.getValue().equals(MASTER_OUT))
                .findFirst()
                .orElseThrow()
                .getKey();
        for (int b = 0; b < 10; b++) { // 1 s of the master at -1 dBFS: too little headroom
            engine.onTaps(List.of(block(handle, RATE, b * 4800L, sine(RATE, 1000, 0.89, 0, 4800))));
        }
        Warning headroom = engine.state().warnings().stream()
                .filter(w -> w.rule() == Rule.MASTER_LOW_HEADROOM)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("a/fader", "b/fader"),
                headroom.fix().stream().map(FixStep::stageId).toList());

        CompletableFuture<FixOutcome> fix = engine.actions().applyFix(headroom.id());
        FixOutcome outcome = fix.get(5, TimeUnit.SECONDS);
        assertFalse(outcome.applied());
        assertTrue(
                outcome.message().startsWith("partly applied: changed 'a/fader', not 'b/fader'")
                        && outcome.message().contains("a/fader lowered")
                        && outcome.message().contains("failed: the adapter's stream has closed"),
                outcome.message());
        assertEquals(2, link.requests.size(), "every step was asked for");
    }

    /** Applies the first fix step; its stream has closed by the second. */
    private static final class LeavingLink extends TestLink {
        final List<String> requests = new ArrayList<>();

        @Override
        public boolean canApplyFixes() {
            return true;
        }

        @Override
        public CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb) {
            requests.add(stageId);
            if (requests.size() == 2) {
                throw new IllegalStateException("the adapter's stream has closed");
            }
            return CompletableFuture.completedFuture(new FixOutcome(true, stageId + " lowered"));
        }
    }
}
