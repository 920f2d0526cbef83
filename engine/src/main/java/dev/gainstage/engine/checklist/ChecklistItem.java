package dev.gainstage.engine.checklist;

/** One thing to check, on one strip or plugin. */
public record ChecklistItem(
        String id, String text, String stripId, String stageId, ItemState state, String detail, String ackReason) {
    public boolean done() {
        return state == ItemState.PASSING || state == ItemState.ACKNOWLEDGED;
    }
}
