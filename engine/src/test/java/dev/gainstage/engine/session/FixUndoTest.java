package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Undoing a fix sets each gain back to its value before (absolute), or by the inverse change where that is unknown. */
class FixUndoTest {
    /** Records what it is asked and applies it, saying before and after as an adapter does. */
    private static final class RecordingLink extends TestLink {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean canApplyFixes() {
            return true;
        }

        @Override
        public CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb) {
            asked.add(stageId + " by " + changeDb);
            return CompletableFuture.completedFuture(new FixOutcome(true, "changed"));
        }

        @Override
        public CompletableFuture<FixOutcome> requestSetGain(String stageId, double gainDb) {
            asked.add(stageId + " = " + gainDb);
            return CompletableFuture.completedFuture(
                    new FixOutcome(true, "set", OptionalDouble.of(-4.25), OptionalDouble.of(gainDb)));
        }
    }

    @Test
    void eachGainIsSetBackLastFirstAbsolutelyWhereItsValueBeforeIsKnown() throws Exception {
        List<String> changed = new ArrayList<>();
        FixRequests fixes = new FixRequests("s", changed::add);
        RecordingLink link = new RecordingLink();
        FixRequests.FixDone done = fixes.undo(
                        List.of(
                                new GainChange("vox/trim", "Vox ▸ Trim", 1.5, -4.25, -5.75),
                                new GainChange("vox/comp", "Vox ▸ Comp", Double.NaN, Double.NaN, -2.0)),
                        link)
                .get(5, TimeUnit.SECONDS);
        assertEquals(List.of("vox/comp by 2.0", "vox/trim = 1.5"), link.asked);
        assertTrue(done.outcome().applied());
        assertEquals(List.of("vox/comp", "vox/trim"), changed, "both stages are judged afresh");
        assertEquals(
                new GainChange("vox/trim", "Vox ▸ Trim", -4.25, 1.5, 5.75),
                done.changes().get(1));
    }

    @Test
    void withoutAnAdapterThatAppliesFixesNothingIsAsked() throws Exception {
        FixRequests fixes = new FixRequests("s", id -> {});
        FixRequests.FixDone done = fixes.undo(List.of(new GainChange("a", "A", 0, 1, 1)), new TestLink())
                .get(5, TimeUnit.SECONDS);
        assertFalse(done.outcome().applied());
        assertEquals("adapter 'test' cannot apply fixes", done.outcome().message());
        assertEquals(List.of(), done.changes());
    }
}
