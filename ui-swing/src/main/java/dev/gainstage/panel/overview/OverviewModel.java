package dev.gainstage.panel.overview;

import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole-session overview as rows of cells, sorted and filtered as the user chose. Pure Java:
 * built from a view, tested without a display.
 */
public final class OverviewModel {
    public enum Sort {
        SESSION("Session order"),
        WORST_FIRST("Worst first"),
        NAME("By name");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        /** What the sort box shows. */
        @Override
        public String toString() {
            return label;
        }
    }

    private final ClipLatches clips = new ClipLatches();
    private final MeteringGaps gaps = new MeteringGaps();
    private String sessionKey = "";
    private double audioSeconds;
    private List<StripRow> all = List.of();
    private Set<String> acknowledgedOnly = Set.of();
    private Sort sort = Sort.SESSION;
    private boolean onlyProblems;

    public void update(SessionView view) {
        if (!view.getSessionKey().equals(sessionKey)) {
            clips.clear();
            sessionKey = view.getSessionKey();
        }
        audioSeconds = view.getAudioTimeSeconds();
        gaps.update(view);
        acknowledgedOnly = acknowledgedOnly(view);
        List<StripRow> rows = new ArrayList<>(view.getRowsCount());
        int order = 0;
        for (OverviewRow r : view.getRowsList()) {
            List<StageCell> cells = new ArrayList<>(r.getStagesCount());
            for (StageView s : r.getStagesList()) {
                StageCell cell = StageCell.of(s);
                clips.observe(cell.stageId(), ClipLatches.Tap.INPUT, cell.inPeak(), audioSeconds);
                clips.observe(cell.stageId(), ClipLatches.Tap.OUTPUT, cell.outPeak(), audioSeconds);
                cells.add(cell);
            }
            rows.add(new StripRow(r.getStripId(), r.getName(), r.getKind(), cells, order++));
        }
        all = rows;
    }

    /** Stages whose warnings the user all acknowledged: drawn as acknowledged, not as alarms nor as all-clear. */
    private static Set<String> acknowledgedOnly(SessionView view) {
        Set<String> acked = new HashSet<>();
        Set<String> open = new HashSet<>();
        for (Warning w : view.getWarningsList()) {
            (w.getAcknowledged() ? acked : open).add(w.getStageId());
        }
        acked.removeAll(open);
        return Set.copyOf(acked);
    }

    /** True when every warning shown on the stage is acknowledged (and there is at least one). */
    public boolean acknowledgedOnly(String stageId) {
        return acknowledgedOnly.contains(stageId);
    }

    /** The latched clip indicators. */
    public ClipLatches clips() {
        return clips;
    }

    /** Puts out a stage's clip indicators. */
    public void resetClips(StageCell cell) {
        clips.reset(cell.stageId(), cell.inPeak(), cell.outPeak(), audioSeconds);
    }

    /** The recent metering gaps, per stage. */
    public MeteringGaps gaps() {
        return gaps;
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
