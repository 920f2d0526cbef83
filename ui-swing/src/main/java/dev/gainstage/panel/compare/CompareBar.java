package dev.gainstage.panel.compare;

import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.proto.v1.CompareSide;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;

/**
 * The level-matched A/B, always in view under the toolbar: Compare for the selected plugin; while comparing, the
 * two sides as toggle buttons (A processed / B bypassed, level-matched by X dB) and End. It shows the
 * {@link CompareModel} of the latest view and selection; the sidecar says what plays. EDT only.
 */
public final class CompareBar extends JPanel {
    private final PanelModel model;
    private final JLabel text = new JLabel(" ");
    private final JButton compare = new JButton("Compare A/B");
    private final JToggleButton sideA = new JToggleButton("A processed");
    private final JToggleButton sideB = new JToggleButton("B bypassed");
    private final JButton end = new JButton("End");
    private CompareModel.State state;

    public CompareBar(PanelModel model, PanelActions actions) {
        super(new BorderLayout());
        this.model = model;
        setName("compare");
        setBorder(BorderFactory.createEmptyBorder(0, 8, 2, 4));
        compare.setName("compareStart");
        sideA.setName("compareA");
        sideB.setName("compareB");
        end.setName("compareEnd");
        text.setName("compareText");
        compare.setToolTipText("Bypass the plugin with its level matched, to hear the processing, not the level");
        end.setToolTipText("Leave the plugin exactly as it was before comparing");
        ButtonGroup sides = new ButtonGroup();
        sides.add(sideA);
        sides.add(sideB);
        compare.addActionListener(e -> actions.startCompare(state.stageId()));
        sideA.addActionListener(e -> actions.switchCompare(CompareSide.COMPARE_SIDE_A));
        sideB.addActionListener(e -> actions.switchCompare(CompareSide.COMPARE_SIDE_B));
        end.addActionListener(e -> actions.endCompare());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        buttons.add(compare);
        buttons.add(sideA);
        buttons.add(sideB);
        buttons.add(end);
        add(text, BorderLayout.CENTER);
        add(buttons, BorderLayout.EAST);
        refresh();
    }

    /** Shows the comparison of the model's view and selection. */
    public void refresh() {
        state = CompareModel.of(model.view(), model.selection().stageId());
        text.setText(state.label());
        text.setToolTipText(state.text());
        compare.setVisible(!state.comparing());
        compare.setEnabled(state.canStart());
        sideA.setVisible(state.comparing());
        sideB.setVisible(state.comparing());
        end.setVisible(state.comparing());
        sideA.setText(state.sideA());
        sideB.setText(state.sideB());
        sideA.setSelected(state.side() == CompareSide.COMPARE_SIDE_A);
        sideB.setSelected(state.side() == CompareSide.COMPARE_SIDE_B);
    }
}
