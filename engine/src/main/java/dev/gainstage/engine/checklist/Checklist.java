package dev.gainstage.engine.checklist;

import java.util.List;

/** The guided mixing checklist; {@code nextItemId} names the next thing to do ("" when all is done). */
public record Checklist(List<ChecklistStep> steps, String nextItemId, int done, int total) {
    public static final Checklist EMPTY = new Checklist(List.of(), "", 0, 0);

    public Checklist {
        steps = List.copyOf(steps);
    }
}
