package dev.gainstage.panel.warnings;

import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.Tooltips;
import dev.gainstage.panel.Words;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.UndoableDecision;
import dev.gainstage.proto.v1.Warning;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextArea;

/**
 * Below the active warnings: the acknowledged ones (out of the count, each with its reason and an Undo), then the
 * other decisions that can be undone (intentional marks, applied fixes, acknowledged checklist items), most recent
 * first, and the action that forgets all of them, after asking.
 */
final class DecisionsSection {
    private DecisionsSection() {}

    /** The acknowledgement of {@code w} in the history, if it is still undoable. */
    static Optional<UndoableDecision> acknowledgementOf(Warning w, List<UndoableDecision> decisions) {
        return decisions.stream()
                .filter(d -> d.getKind() == DecisionKind.DECISION_KIND_ACKNOWLEDGE
                        && d.getTargetId().equals(w.getId()))
                .findFirst();
    }

    /** The components to add, in order; none when there is nothing acknowledged or decided. */
    static List<JComponent> of(List<Warning> acknowledged, List<UndoableDecision> decisions, PanelActions actions) {
        List<JComponent> out = new ArrayList<>();
        List<UndoableDecision> others = new ArrayList<>(decisions);
        if (!acknowledged.isEmpty()) {
            out.add(header("Acknowledged (" + acknowledged.size() + ")", "acknowledgedHeader"));
            for (Warning w : acknowledged) {
                Optional<UndoableDecision> ack = acknowledgementOf(w, decisions);
                ack.ifPresent(others::remove);
                out.add(row(
                        Words.warning(w) + " \u2014 " + w.getAckReason(),
                        "acknowledged:" + w.getId(),
                        ack.map(d -> undo(d, actions, "undoAck:" + w.getId())).orElse(null)));
            }
        }
        if (!others.isEmpty()) {
            out.add(header("Decisions you can undo (most recent first)", "decisionsHeader"));
            for (UndoableDecision d : others) {
                out.add(row(
                        d.getText(), "decision:" + d.getDecisionId(), undo(d, actions, "undo:" + d.getDecisionId())));
            }
        }
        if (!out.isEmpty()) {
            JButton clear = Tooltips.button("Clear this session's decisions\u2026");
            clear.setName("clearDecisions");
            clear.setToolTipText(
                    "Forget every acknowledgement, intentional mark, rule override and undo of this session");
            clear.addActionListener(e -> {
                int answer = JOptionPane.showConfirmDialog(
                        clear,
                        "Forget all of this session's decisions: acknowledgements, intentional marks, rule overrides"
                                + " and the undo history? Gains changed by fixes stay as they are.",
                        "Clear this session's decisions",
                        JOptionPane.OK_CANCEL_OPTION,
                        JOptionPane.WARNING_MESSAGE);
                if (answer == JOptionPane.OK_OPTION) {
                    actions.clearDecisions();
                }
            });
            JPanel line = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 4)) {
                @Override
                public Dimension getMaximumSize() {
                    return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
                }
            };
            line.setAlignmentX(Component.LEFT_ALIGNMENT);
            line.add(clear);
            out.add(line);
        }
        return out;
    }

    private static JButton undo(UndoableDecision d, PanelActions actions, String name) {
        JButton b = Tooltips.button(d.getKind() == DecisionKind.DECISION_KIND_FIX ? "Undo fix" : "Undo");
        b.setName(name);
        b.setToolTipText(
                d.getKind() == DecisionKind.DECISION_KIND_FIX
                        ? "Set the gains this fix changed back to their values before it"
                        : "Take this decision back");
        b.addActionListener(e -> actions.undo(d));
        return b;
    }

    private static JComponent header(String text, String name) {
        JLabel l = new JLabel(text);
        l.setName(name);
        l.setFont(l.getFont().deriveFont(Font.BOLD));
        l.setBorder(BorderFactory.createEmptyBorder(10, 0, 4, 0));
        l.setAlignmentX(Component.LEFT_ALIGNMENT);
        return l;
    }

    /** One line: the decision in words (wrapping), in the acknowledged colour, and its Undo button if any. */
    private static JComponent row(String text, String name, JButton undo) {
        JPanel p = new JPanel(new BorderLayout(8, 0)) {
            @Override
            public Dimension getMaximumSize() {
                return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
            }
        };
        p.setName(name);
        p.setAlignmentX(Component.LEFT_ALIGNMENT);
        p.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 0, 0, StagingColors.ACKNOWLEDGED),
                BorderFactory.createEmptyBorder(2, 8, 2, 4)));
        JTextArea t = new JTextArea(text);
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setEditable(false);
        t.setFocusable(false);
        t.setOpaque(false);
        t.setBorder(BorderFactory.createEmptyBorder());
        JLabel plain = new JLabel();
        t.setFont(plain.getFont());
        t.setForeground(plain.getForeground().darker());
        p.add(t, BorderLayout.CENTER);
        if (undo != null) {
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
            buttons.setOpaque(false);
            buttons.add(undo);
            p.add(buttons, BorderLayout.EAST);
        }
        return p;
    }
}
