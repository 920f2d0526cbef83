package dev.gainstage.panel.warnings;

import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;

import javax.swing.table.AbstractTableModel;
import java.util.Comparator;
import java.util.List;

/** The live warnings, most severe first, then newest first. */
public final class WarningsTableModel extends AbstractTableModel {
    static final String[] COLUMNS = {"Severity", "Problem", "Suggested fix"};

    private List<Warning> warnings = List.of();

    public void update(SessionView view) {
        warnings = view.getWarningsList().stream()
                .sorted(Comparator.comparing((Warning w) -> w.getSeverity().getNumber()).reversed()
                        .thenComparing(Comparator.comparingDouble(Warning::getFirstSeenSeconds).reversed()))
                .toList();
        fireTableDataChanged();
    }

    public Warning warning(int index) {
        return warnings.get(index);
    }

    @Override
    public int getRowCount() {
        return warnings.size();
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
    public Object getValueAt(int row, int column) {
        Warning w = warnings.get(row);
        return switch (column) {
            case 0 -> w.getSeverity().name().replace("SEVERITY_", "").toLowerCase(java.util.Locale.ROOT);
            case 1 -> w.getMessage();
            case 2 -> w.getSuggestion();
            default -> throw new IllegalArgumentException("column " + column);
        };
    }
}
