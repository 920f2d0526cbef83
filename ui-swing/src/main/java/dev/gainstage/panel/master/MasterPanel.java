package dev.gainstage.panel.master;

import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.SessionView;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * The master section: the master's momentary, short-term and integrated loudness, loudness range and true peak, each
 * standing against the delivery target picked in the box (held by the sidecar per session), a reset of the
 * programme measurement, and the short-term loudness history. Its readouts are five equal columns and its controls
 * one line, with the graph beside the readouts, so it fits 820 px without scrolling sideways. Built and used on the EDT only.
 */
public final class MasterPanel extends JPanel {
    private final JComboBox<MasterReadouts.Choice> target = new JComboBox<>();
    private final JButton reset = new JButton("Reset");
    private final JLabel targetText = new JLabel(" ");
    private final JLabel momentary = value("master.momentary");
    private final JLabel shortTerm = value("master.shortTerm");
    private final JLabel integrated = value("master.integrated");
    private final JLabel range = value("master.range");
    private final JLabel truePeak = value("master.truePeak");
    private final JLabel integratedNote = note("master.integratedVsTarget");
    private final JLabel peakNote = note("master.peakVsTarget");
    private final LoudnessHistoryGraph history = new LoudnessHistoryGraph();
    /** Set while the box shows what the view says, so that is not sent back as the user's choice. */
    private boolean updating;

    public MasterPanel(PanelActions actions) {
        super(new BorderLayout(0, 2));
        setName("master");
        setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        for (MasterReadouts.Choice c : MasterReadouts.choices()) {
            target.addItem(c);
        }
        target.setName("master.target");
        target.setToolTipText("The delivery target the master is checked against (checklist step 4)");
        target.addActionListener(e -> {
            if (!updating && target.getSelectedItem() instanceof MasterReadouts.Choice c) {
                actions.setDeliveryTarget(c.preset(), c.label());
            }
        });
        reset.setName("master.reset");
        reset.setToolTipText("Restart the master's integrated loudness, loudness range, peaks and history");
        reset.addActionListener(e -> actions.resetMasterLoudness());
        targetText.setName("master.targetText");

        JLabel title = new JLabel("Master");
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        controls.add(title);
        controls.add(target);
        controls.add(reset);
        controls.add(targetText);

        JPanel readouts = new JPanel(new GridLayout(1, 5, 6, 0));
        readouts.add(column("Momentary", momentary, null));
        readouts.add(column("Short-term", shortTerm, null));
        readouts.add(column("Integrated", integrated, integratedNote));
        readouts.add(column("Loudness range", range, null));
        readouts.add(column("True peak (max)", truePeak, peakNote));

        // The graph beside the readouts, as tall as they are: the section stays three lines high, leaving the tabs
        // below it room at 820x900.
        JPanel figures = new JPanel(new BorderLayout(8, 0));
        figures.add(readouts, BorderLayout.CENTER);
        figures.add(history, BorderLayout.EAST);
        add(controls, BorderLayout.NORTH);
        add(figures, BorderLayout.CENTER);
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel("-");
        l.setName(name);
        l.setFont(l.getFont().deriveFont(Font.BOLD, l.getFont().getSize2D() * 1.15f));
        return l;
    }

    private static JLabel note(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        l.setFont(l.getFont().deriveFont(l.getFont().getSize2D() * 0.85f));
        return l;
    }

    private static JPanel column(String caption, JLabel value, JLabel note) {
        JPanel p = new JPanel(new GridLayout(note == null ? 2 : 3, 1));
        JLabel c = new JLabel(caption, SwingConstants.LEFT);
        Color dim = UIManager.getColor("Label.disabledForeground");
        if (dim != null) {
            c.setForeground(dim);
        }
        c.setFont(c.getFont().deriveFont(c.getFont().getSize2D() * 0.85f));
        p.add(c);
        p.add(value);
        if (note != null) {
            p.add(note);
        }
        return p;
    }

    /**
     * The readouts' texts change with every view (30 a second): a change lays out this section only, not the whole
     * window (whose warnings' wrapped texts are costly to lay out). Its height does not depend on the texts.
     */
    @Override
    public boolean isValidateRoot() {
        return true;
    }

    public void refresh(SessionView view) {
        MasterReadouts r = MasterReadouts.of(view.getMaster(), view.hasMaster());
        momentary.setText(r.momentary());
        shortTerm.setText(r.shortTerm());
        integrated.setText(r.integrated());
        range.setText(r.range());
        truePeak.setText(r.truePeak());
        integratedNote.setText(r.integratedVsTarget().isEmpty() ? " " : r.integratedVsTarget());
        peakNote.setText(r.peakVsTarget().isEmpty() ? " " : r.peakVsTarget());
        integratedNote.setForeground(colour(r.loudnessVerdict()));
        peakNote.setForeground(colour(r.peakVerdict()));
        targetText.setText(r.target());
        history.show(r);
        reset.setEnabled(r.present());
        target.setEnabled(r.present());
        select(r.preset());
    }

    private void select(DeliveryPreset preset) {
        for (int i = 0; i < target.getItemCount(); i++) {
            if (target.getItemAt(i).preset() == preset && target.getSelectedIndex() != i) {
                updating = true;
                try {
                    target.setSelectedIndex(i);
                } finally {
                    updating = false;
                }
            }
        }
    }

    /** Greys the figures while they are no longer measured (the DAW or the sidecar is gone); they stay readable. */
    public void setFrozen(boolean stale) {
        for (JLabel l : new JLabel[] {momentary, shortTerm, integrated, range, truePeak, integratedNote, peakNote}) {
            l.setEnabled(!stale);
        }
        history.setEnabled(!stale);
        history.repaint();
    }

    private static Color colour(MasterReadouts.Verdict v) {
        return switch (v) {
            case MEETS -> StagingColors.IN_RANGE.brighter();
            case MISSES -> StagingColors.HOT;
            case NONE -> UIManager.getColor("Label.foreground");
        };
    }
}
