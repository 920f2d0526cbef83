package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An acknowledgement needs a reason; the undo history keeps one record per acknowledged or marked target. */
class DecisionsTest {
    @Test
    void anAcknowledgementWithoutAReasonIsRefusedInOneLine() {
        for (String blank : new String[] {"", "  \t", null}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Decisions.NONE.acknowledgeWarning("W@s", blank));
            assertEquals(
                    "the reason is empty: say why this is acceptable (e.g. \"the drive is meant\")", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Decisions.NONE.acknowledgeItem("i", blank));
        }
        assertEquals(
                "meant",
                Decisions.NONE
                        .acknowledgeWarning("W@s", "  meant ")
                        .warningAcks()
                        .get("W@s"));
    }

    private static DecisionRecord ack(long n, String target) {
        return new DecisionRecord(n, DecisionRecord.Kind.ACKNOWLEDGE, target, "", 0, false, false, List.of());
    }

    @Test
    void aNewAcknowledgementOfATargetSupersedesTheOldOneAndUndoingLeavesNoRecord() {
        Decisions d = Decisions.NONE.record(ack(1, "A")).record(ack(2, "B")).record(ack(3, "A"));
        assertEquals(
                List.of("2", "3"), d.history().stream().map(DecisionRecord::id).toList());
        assertEquals(4, d.nextNumber());
        DecisionRecord b = d.find("2", null).orElseThrow();
        assertEquals(
                List.of("3"),
                d.replaceRecord(b, null).history().stream()
                        .map(DecisionRecord::id)
                        .toList());
        assertTrue(d.find("", DecisionRecord.Kind.FIX).isEmpty());
    }

    @Test
    void theHistoryKeepsTheMostRecentHundred() {
        Decisions d = Decisions.NONE;
        for (int i = 1; i <= 130; i++) {
            d = d.record(ack(i, "t" + i));
        }
        assertEquals(Decisions.MAX_HISTORY, d.history().size());
        assertEquals("31", d.history().getFirst().id());
        assertEquals(131, d.nextNumber());
    }
}
