package dev.gainstage.engine.checklist;

import java.util.List;

/** One of the seed's three steps, expanded per strip or plugin. */
public record ChecklistStep(int number, String title, List<ChecklistItem> items) {
    public ChecklistStep {
        items = List.copyOf(items);
    }
}
