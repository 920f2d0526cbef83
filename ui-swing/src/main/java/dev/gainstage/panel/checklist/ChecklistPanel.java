package dev.gainstage.panel.checklist;

import dev.gainstage.panel.AcknowledgeDialog;
import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.ItemState;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

/** The three guided steps with per-item state and progress; the next thing to do is highlighted. */
public final class ChecklistPanel extends JPanel {
    /** A line of the list: a step header or an item. */
    record Line(ChecklistStep step, ChecklistItem item) {}

    private final ChecklistModel checklist;
    private final DefaultListModel<Line> lines = new DefaultListModel<>();
    private final JList<Line> list = new JList<>(lines);
    private final JLabel progress = new JLabel(" ");
    private dev.gainstage.proto.v1.Checklist shown;

    public ChecklistPanel(PanelModel model, ChecklistModel checklist, PanelActions actions) {
        super(new BorderLayout());
        this.checklist = checklist;
        setName("checklist");
        list.setName("checklistItems");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new LineRenderer());
        list.addListSelectionListener(e -> {
            Line l = list.getSelectedValue();
            if (!e.getValueIsAdjusting() && l != null && l.item() != null) {
                model.selectStage(l.item().getStageId());
            }
        });
        progress.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        progress.setName("checklistProgress");
        JButton ack = new JButton("Acknowledge item\u2026");
        ack.addActionListener(e -> {
            Line l = list.getSelectedValue();
            if (l == null || l.item() == null) {
                return;
            }
            String reason = AcknowledgeDialog.ask(this, "\u201C" + l.item().getText() + "\u201D");
            if (reason != null) {
                actions.acknowledgeItem(l.item().getId(), reason);
            }
        });
        JPanel top = new JPanel(new BorderLayout());
        top.add(progress, BorderLayout.CENTER);
        top.add(ack, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        // Long items are cut at the window's edge (the whole text is their tooltip), never scrolled sideways.
        add(
                new JScrollPane(list, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER),
                BorderLayout.CENTER);
    }

    public void refresh() {
        dev.gainstage.proto.v1.Checklist next = checklist.checklist();
        if (next.equals(shown)) {
            return;
        }
        shown = next;
        String selected =
                list.getSelectedValue() == null || list.getSelectedValue().item() == null
                        ? ""
                        : list.getSelectedValue().item().getId();
        lines.clear();
        for (ChecklistStep step : checklist.checklist().getStepsList()) {
            lines.addElement(new Line(step, null));
            for (ChecklistItem item : step.getItemsList()) {
                lines.addElement(new Line(step, item));
                if (item.getId().equals(selected)) {
                    list.setSelectedIndex(lines.size() - 1);
                }
            }
        }
        String nextText =
                checklist.checklist().getNextItemId().isEmpty() ? "every item is done" : "next: " + nextItemText();
        progress.setText(checklist.progressText() + "   \u2014   " + nextText);
    }

    private String nextItemText() {
        return checklist.checklist().getStepsList().stream()
                .flatMap(s -> s.getItemsList().stream())
                .filter(checklist::isNext)
                .map(ChecklistItem::getText)
                .findFirst()
                .orElse("");
    }

    private final class LineRenderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(
                JList<?> l, Object value, int index, boolean selected, boolean focus) {
            Line line = (Line) value;
            JLabel c = (JLabel) super.getListCellRendererComponent(l, "", index, selected, focus);
            if (line.item() == null) {
                c.setText(String.format(
                        Locale.ROOT,
                        "%d. %s   (%d/%d)",
                        line.step().getNumber(),
                        line.step().getTitle(),
                        ChecklistModel.done(line.step()),
                        line.step().getItemsCount()));
                c.setFont(c.getFont().deriveFont(Font.BOLD));
                return c;
            }
            ChecklistItem item = line.item();
            String mark = switch (item.getState()) {
                case ITEM_STATE_PASSING -> "\u2714";
                case ITEM_STATE_FAILING -> "\u2716";
                case ITEM_STATE_ACKNOWLEDGED -> "\u2713";
                default -> "\u2026";
            };
            String detail =
                    item.getState() == ItemState.ITEM_STATE_ACKNOWLEDGED ? item.getAckReason() : item.getDetail();
            String text = item.getText() + (detail.isBlank() ? "" : "  \u2014 " + detail);
            c.setText("    " + mark + "  " + text);
            c.setToolTipText(text);
            if (!selected) {
                c.setForeground(
                        switch (item.getState()) {
                            case ITEM_STATE_PASSING -> StagingColors.IN_RANGE.brighter();
                            case ITEM_STATE_FAILING -> StagingColors.CLIPPING.brighter();
                            case ITEM_STATE_ACKNOWLEDGED -> Color.GRAY;
                            default -> c.getForeground();
                        });
            }
            if (checklist.isNext(item)) {
                c.setFont(c.getFont().deriveFont(Font.BOLD));
                c.setBorder(BorderFactory.createMatteBorder(0, 4, 0, 0, StagingColors.HOT));
            }
            return c;
        }
    }
}
