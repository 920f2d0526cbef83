package dev.gainstage.panel.overview;

import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole-session overview as rows of cells, sorted and filtered as the user chose. Pure Java:
 * built from a view, tested without a display.
 */
public final class OverviewModel {
    public enum Sort {
        SESSION,
        WORST_FIRST,
        NAME
    }

    private List<StripRow> all = List.of();
    private Sort sort = Sort.SESSION;
    private boolean onlyProblems;

    public void update(SessionView view) {
        List<StripRow> rows = new ArrayList<>(view.getRowsCount());
        int order = 0;
        for (OverviewRow r : view.getRowsList()) {
            List<StageCell> cells = new ArrayList<>(r.getStagesCount());
            for (StageView s : r.getStagesList()) {
                cells.add(StageCell.of(s));
            }
            rows.add(new StripRow(r.getStripId(), r.getName(), r.getKind(), cells, order++));
        }
        all = rows;
    }

    public void setSort(Sort newSort) {
        sort = newSort;
    }

    public Sort sort() {
        return sort;
    }

    public void setOnlyProblems(boolean only) {
        onlyProblems = only;
    }

    public boolean onlyProblems() {
        return onlyProblems;
    }

    /** The rows to show, in order. */
    public List<StripRow> rows() {
        Comparator<StripRow> order = switch (sort) {
            case SESSION -> Comparator.comparingInt(StripRow::sessionOrder);
            case WORST_FIRST ->
                Comparator.comparingInt((StripRow r) -> StagingColors.rank(r.worst()))
                        .reversed()
                        .thenComparingInt(StripRow::sessionOrder);
            case NAME -> Comparator.comparing(StripRow::name, String.CASE_INSENSITIVE_ORDER);
        };
        return all.stream()
                .filter(r -> !onlyProblems || r.hasProblem())
                .sorted(order)
                .toList();
    }

    /** The widest chain: how many cells a row may need. */
    public int maxCells() {
        return all.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    }

    /** The row holding a stage, for selecting it from a warning, a graph node or a checklist item. */
    public int rowOfStage(String stageId) {
        List<StripRow> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            for (StageCell c : rows.get(i).cells()) {
                if (c.stageId().equals(stageId)) {
                    return i;
                }
            }
        }
        return -1;
    }

    public int rowOfStrip(String stripId) {
        List<StripRow> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stripId().equals(stripId)) {
                return i;
            }
        }
        return -1;
    }
}
