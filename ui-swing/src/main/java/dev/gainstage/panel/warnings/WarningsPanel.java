package dev.gainstage.panel.warnings;

import dev.gainstage.panel.AcknowledgeDialog;
import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.Tooltips;
import dev.gainstage.panel.Words;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.UndoableDecision;
import dev.gainstage.proto.v1.Warning;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * The live warnings grouped by root cause, newest first: each primary with its suggested fix and the
 * buttons to apply it, acknowledge it (with a reason) or mark the stage intentional saturation;
 * followers listed under it. Acknowledged warnings and the decisions that can be undone follow, in a group of
 * their own ({@link DecisionsSection}). Rebuilt only when the warnings or decisions change, not at every view.
 */
public final class WarningsPanel extends JPanel implements Scrollable {
    private final PanelModel model;
    private final PanelActions actions;
    private List<WarningGroup> shown = List.of();
    private String signature = "";
    private int laidOutWidth = -1;

    public WarningsPanel(PanelModel model, PanelActions actions) {
        this.model = model;
        this.actions = actions;
        setName("warnings");
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    }

    public List<WarningGroup> groups() {
        return shown;
    }

    /**
     * Shows the warnings not acknowledged, grouped, then the acknowledged ones and the decisions that can be
     * undone ({@link DecisionsSection}).
     */
    public void refresh(List<Warning> warnings, List<UndoableDecision> decisions) {
        String next = signature(warnings, decisions);
        if (next.equals(signature)) {
            return;
        }
        signature = next;
        List<Warning> acknowledged =
                warnings.stream().filter(Warning::getAcknowledged).toList();
        shown = WarningGroups.of(
                warnings.stream().filter(w -> !w.getAcknowledged()).toList());
        removeAll();
        if (shown.isEmpty()) {
            add(new JLabel(
                    acknowledged.isEmpty()
                            ? "No staging problems right now."
                            : "No staging problems left to look at."));
        }
        for (WarningGroup g : shown) {
            add(groupPanel(g));
            add(Box.createVerticalStrut(6));
        }
        for (JComponent c : DecisionsSection.of(acknowledged, decisions, actions)) {
            add(c);
        }
        add(Box.createVerticalGlue());
        laidOutWidth = -1; // new texts: wrap them at the width on the next layout
        revalidate();
        repaint();
    }

    /** What the panel shows of the warnings and decisions, at the precision it shows them. */
    private static String signature(List<Warning> warnings, List<UndoableDecision> decisions) {
        StringBuilder sb = new StringBuilder();
        for (Warning w : warnings) {
            sb.append(w.getId())
                    .append('|')
                    .append(w.getRootCauseId())
                    .append('|')
                    .append(w.getMessage())
                    .append('|')
                    .append(w.getAcknowledged())
                    .append(';');
        }
        for (UndoableDecision d : decisions) {
            sb.append('#').append(d.getDecisionId()).append('|').append(d.getText());
        }
        return sb.toString();
    }

    private Component groupPanel(WarningGroup g) {
        Warning w = g.primary();
        JPanel p = new JPanel(new BorderLayout(8, 2)) {
            @Override
            public Dimension getMaximumSize() {
                return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
            }
        };
        p.setName("warning:" + w.getId());
        Color colour = w.getSeverity() == Severity.SEVERITY_CRITICAL
                ? StagingColors.CLIPPING
                : w.getSeverity() == Severity.SEVERITY_WARNING ? StagingColors.HOT : StagingColors.QUIET;
        p.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 0, 0, colour), BorderFactory.createEmptyBorder(4, 8, 4, 4)));
        p.setAlignmentX(LEFT_ALIGNMENT);
        MouseAdapter select = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                model.selectStage(w.getStageId());
            }
        };
        JPanel text = new JPanel();
        text.setOpaque(false);
        text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
        JLabel plain = new JLabel();
        Color fg = plain.getForeground();
        Font font = plain.getFont();
        text.add(wrapping(w.getMessage(), font.deriveFont(Font.BOLD), fg, select));
        text.add(wrapping("\u2192 " + w.getSuggestion(), font, fg, select));
        if (!w.getEvidence().isEmpty()) {
            // what the verdict rests on, for the engineer who wants to check it: on hovering the warning's text
            String evidence = Tooltips.paragraph(w.getEvidence());
            for (java.awt.Component c : text.getComponents()) {
                ((JComponent) c).setToolTipText(evidence);
            }
        }
        for (Warning f : g.followers()) {
            JTextArea follower = wrapping("\u21B3 " + f.getMessage(), font, fg.darker(), select);
            follower.setBorder(BorderFactory.createEmptyBorder(0, 16, 0, 0));
            text.add(follower);
        }
        p.add(text, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        buttons.setOpaque(false);
        // One button per control: the sidecar gives the fix to one warning per control, and none to a warning that
        // follows from another or that no gain change fixes (its text says which); those show no button.
        JButton fix = Tooltips.button(
                w.getFixCount() > 0
                        ? String.format(
                                Locale.ROOT, "Apply fix (%+.1f dB)", w.getFix(0).getChangeDb())
                        : "Apply fix");
        fix.setName("apply:" + w.getId());
        fix.setToolTipText("Ask the DAW to make this change");
        fix.addActionListener(e -> actions.applyFix(w));
        JButton ack = Tooltips.button("Acknowledge\u2026");
        ack.setName("ack:" + w.getId());
        ack.addActionListener(e -> {
            String reason = AcknowledgeDialog.ask(this, Words.warning(w));
            if (reason != null) {
                actions.acknowledgeWarning(w, reason);
            }
        });
        if (w.getFixCount() > 0) {
            buttons.add(fix);
        }
        buttons.add(ack);
        if (w.getRule().name().startsWith("PLUGIN_")) {
            JButton intentional = Tooltips.button("Intentional");
            intentional.setName("intentional:" + w.getId());
            intentional.setToolTipText(
                    "Mark this plugin as intentional saturation: overdrive and mismatch are then fine");
            intentional.addActionListener(e -> actions.markIntentional(w.getStageId(), true));
            buttons.add(intentional);
        }
        p.add(buttons, BorderLayout.EAST);
        p.addMouseListener(select);
        return p;
    }

    /** Text that wraps at the width it is given, so a long title never pushes the buttons out of view. */
    private static JTextArea wrapping(String s, Font font, Color colour, MouseAdapter select) {
        JTextArea t = new JTextArea(s) {
            @Override
            public Point getToolTipLocation(MouseEvent e) {
                return Tooltips.location(this, e);
            }
        };
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setEditable(false);
        t.setFocusable(false);
        t.setHighlighter(null);
        t.setOpaque(false);
        t.setBorder(BorderFactory.createEmptyBorder());
        t.setFont(font);
        t.setForeground(colour);
        t.setAlignmentX(LEFT_ALIGNMENT);
        t.addMouseListener(select);
        return t;
    }

    /** Wrapped text is as tall as its width makes it: after a width change, lay out once more. */
    @Override
    public void doLayout() {
        super.doLayout();
        if (getWidth() != laidOutWidth) {
            laidOutWidth = getWidth();
            SwingUtilities.invokeLater(this::revalidate);
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    }

    /** As wide as the window: the texts wrap instead of scrolling sideways. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
