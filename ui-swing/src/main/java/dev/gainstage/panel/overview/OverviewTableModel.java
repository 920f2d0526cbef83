package dev.gainstage.panel.overview;

import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;

import javax.swing.table.AbstractTableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row per stage of every strip, in chain order: the whole session's gain overview. */
public final class OverviewTableModel extends AbstractTableModel {
    static final String[] COLUMNS = {"Strip", "Stage", "In peak", "Out peak", "Out LUFS-S", "In→out", "State"};

    /** One table row: a stage with the strip it belongs to. */
    public record Row(String strip, StageView stage) {
    }

    private List<Row> rows = List.of();

    public void update(SessionView view) {
        List<Row> next = new ArrayList<>();
        for (OverviewRow strip : view.getRowsList()) {
            for (StageView stage : strip.getStagesList()) {
                next.add(new Row(strip.getName(), stage));
            }
        }
        rows = next;
        fireTableDataChanged();
    }

    public Row row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row r = rows.get(rowIndex);
        StageView s = r.stage();
        return switch (column) {
            case 0 -> r.strip();
            case 1 -> s.getName() + (s.getActive() ? "" : " (off)");
            case 2 -> peak(s.hasInput() ? s.getInput() : null);
            case 3 -> peak(s.hasOutput() ? s.getOutput() : null);
            case 4 -> s.hasOutput() && s.getOutput().hasShortTermLufs()
                    ? String.format(Locale.ROOT, "%.1f", s.getOutput().getShortTermLufs()) : "";
            case 5 -> s.hasGainDeltaDb() ? String.format(Locale.ROOT, "%+.1f dB", s.getGainDeltaDb()) : "";
            case 6 -> label(s.getState());
            default -> throw new IllegalArgumentException("column " + column);
        };
    }

    static String peak(Levels l) {
        return l == null || !l.hasSamplePeakDbfs() ? "" : String.format(Locale.ROOT, "%.1f dBFS", l.getSamplePeakDbfs());
    }

    public static String label(StagingState state) {
        return switch (state) {
            case STAGING_STATE_IN_RANGE -> "in range";
            case STAGING_STATE_QUIET -> "quiet";
            case STAGING_STATE_HOT -> "hot";
            case STAGING_STATE_CLIPPING -> "clipping";
            default -> "no signal";
        };
    }
}
