package dev.gainstage.panel;

import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.panel.overview.OverviewTableModel;
import dev.gainstage.panel.warnings.WarningsTableModel;
import dev.gainstage.proto.v1.SessionView;

import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.util.Locale;

/** The panel window: overview table above, live warnings below, connection state at the bottom. */
public final class PanelFrame extends JFrame {
    private final OverviewTableModel overview = new OverviewTableModel();
    private final WarningsTableModel warnings = new WarningsTableModel();
    private final JLabel status = new JLabel(" ");
    private final JLabel title = new JLabel(" ");

    public PanelFrame(PanelModel model) {
        super("gainstage");
        setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        JTable overviewTable = new JTable(overview);
        overviewTable.setName("overview");
        overviewTable.setDefaultRenderer(Object.class, new StateCellRenderer());
        overviewTable.setFillsViewportHeight(true);
        JTable warningsTable = new JTable(warnings);
        warningsTable.setName("warnings");
        warningsTable.setFillsViewportHeight(true);
        warningsTable.getColumnModel().getColumn(0).setMaxWidth(90);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(overviewTable),
                new JScrollPane(warningsTable));
        split.setResizeWeight(0.65);
        title.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        status.setName("status");
        getContentPane().add(title, BorderLayout.NORTH);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);
        setPreferredSize(new Dimension(760, 900));
        pack();

        model.addListener(e -> {
            if (PanelModel.VIEW.equals(e.getPropertyName())) {
                show((SessionView) e.getNewValue());
            } else if (PanelModel.CONNECTION.equals(e.getPropertyName())) {
                ConnectionState c = (ConnectionState) e.getNewValue();
                status.setText(c.kind().name().toLowerCase(Locale.ROOT) + ": " + c.detail());
            }
        });
    }

    private void show(SessionView view) {
        overview.update(view);
        warnings.update(view);
        title.setText(String.format(Locale.ROOT, "%s   %d warnings   checklist %d/%d", view.getSessionName(),
                view.getWarningsCount(), view.getChecklist().getDone(), view.getChecklist().getTotal()));
    }

    /** Colours the State column by the stage's staging state. */
    private final class StateCellRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            Component c = super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            if (!selected) {
                if (table.convertColumnIndexToModel(column) == 6) {
                    c.setBackground(StagingColors.of(overview.row(table.convertRowIndexToModel(row)).stage().getState()));
                    c.setForeground(Color.WHITE);
                } else {
                    c.setBackground(table.getBackground());
                    c.setForeground(table.getForeground());
                }
            }
            return c;
        }
    }
}
