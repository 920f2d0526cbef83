package dev.gainstage.panel.checklist;

import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.ItemState;
import java.util.Locale;

/** The guided checklist as the panel shows it: per-step progress and the next thing to do. */
public final class ChecklistModel {
    private Checklist checklist = Checklist.getDefaultInstance();

    public void update(Checklist newChecklist) {
        checklist = newChecklist;
    }

    public Checklist checklist() {
        return checklist;
    }

    public String progressText() {
        return String.format(Locale.ROOT, "%d of %d done", checklist.getDone(), checklist.getTotal());
    }

    public static int done(ChecklistStep step) {
        return (int) step.getItemsList().stream().filter(ChecklistModel::isDone).count();
    }

    public static boolean isDone(ChecklistItem i) {
        return i.getState() == ItemState.ITEM_STATE_PASSING || i.getState() == ItemState.ITEM_STATE_ACKNOWLEDGED;
    }

    public boolean isNext(ChecklistItem item) {
        return item.getId().equals(checklist.getNextItemId());
    }

    public static String stateLabel(ItemState s) {
        return switch (s) {
            case ITEM_STATE_PASSING -> "passing";
            case ITEM_STATE_FAILING -> "failing";
            case ITEM_STATE_ACKNOWLEDGED -> "acknowledged";
            default -> "waiting for signal";
        };
    }
}
