package dev.gainstage.panel;

import dev.gainstage.panel.checklist.ChecklistModel;
import dev.gainstage.panel.checklist.ChecklistPanel;
import dev.gainstage.panel.compare.CompareBar;
import dev.gainstage.panel.connection.DawState;
import dev.gainstage.panel.connection.StatusLine;
import dev.gainstage.panel.graph.FlowGraphModel;
import dev.gainstage.panel.graph.FlowGraphPanel;
import dev.gainstage.panel.master.MasterPanel;
import dev.gainstage.panel.overview.OverviewModel;
import dev.gainstage.panel.overview.OverviewPanel;
import dev.gainstage.panel.overview.OverviewScale;
import dev.gainstage.panel.timeline.TimelineModel;
import dev.gainstage.panel.timeline.TimelinePanel;
import dev.gainstage.panel.warnings.WarningsPanel;
import dev.gainstage.proto.v1.SessionView;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;

/**
 * The panel window: the overview on top; the master section, then warnings, checklist and flow graph in tabs below;
 * the connection state and the last action's outcome at the bottom. Built and used on the EDT only.
 */
public final class PanelFrame extends JFrame {
    private final PanelModel model;
    private final OverviewModel overviewModel = new OverviewModel();
    private final FlowGraphModel graphModel = new FlowGraphModel();
    private final ChecklistModel checklistModel = new ChecklistModel();
    private final OverviewPanel overview;
    private final FlowGraphPanel graph;
    private final WarningsPanel warnings;
    private final ChecklistPanel checklist;
    private final TimelinePanel timeline;
    private final CompareBar compareBar;
    private final MasterPanel master;
    private final JTabbedPane tabs = new JTabbedPane();
    private final JSplitPane split;
    private final JScrollPane overviewScroll;
    private int rowsShown = -1;
    private final JLabel title = new JLabel(" ");
    private final JLabel connection = new JLabel(" ");
    private final JLabel message = new JLabel(" ");

    public PanelFrame(PanelModel model, PanelActions actions) {
        super("gainstage");
        this.model = model;
        setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        overview = new OverviewPanel(model, overviewModel);
        graph = new FlowGraphPanel(model, graphModel);
        warnings = new WarningsPanel(model, actions);
        checklist = new ChecklistPanel(model, checklistModel, actions);
        timeline = new TimelinePanel(model, new TimelineModel(), actions);
        master = new MasterPanel(actions);

        JComboBox<OverviewModel.Sort> sort = new JComboBox<>(OverviewModel.Sort.values());
        sort.setName("sort");
        sort.setToolTipText("Order of the strips");
        sort.addActionListener(e -> {
            overviewModel.setSort((OverviewModel.Sort) sort.getSelectedItem());
            overview.refresh();
        });
        JCheckBox onlyProblems = new JCheckBox("Only problems");
        onlyProblems.setName("onlyProblems");
        onlyProblems.setMnemonic(KeyEvent.VK_P);
        onlyProblems.addActionListener(e -> {
            overviewModel.setOnlyProblems(onlyProblems.isSelected());
            overview.refresh();
        });
        JPanel toolbar = new JPanel(new BorderLayout());
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 2));
        controls.add(sort);
        controls.add(onlyProblems);
        title.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        title.setName("title");
        toolbar.add(title, BorderLayout.CENTER);
        toolbar.add(controls, BorderLayout.EAST);
        compareBar = new CompareBar(model, actions);
        toolbar.add(compareBar, BorderLayout.SOUTH);

        tabs.addTab("Warnings", scrolling(warnings));
        tabs.addTab("Checklist", checklist);
        tabs.addTab("Flow graph", new JScrollPane(graph));
        tabs.addTab("Timeline", scrolling(timeline));
        tabs.setMnemonicAt(0, KeyEvent.VK_1);
        tabs.setMnemonicAt(1, KeyEvent.VK_2);
        tabs.setMnemonicAt(2, KeyEvent.VK_3);
        tabs.setMnemonicAt(3, KeyEvent.VK_4);
        tabs.setName("tabs");
        overviewScroll = new JScrollPane(overview);
        overviewScroll.setColumnHeaderView(new OverviewScale(overview));
        JPanel lower = new JPanel(new BorderLayout());
        lower.add(master, BorderLayout.NORTH);
        lower.add(tabs, BorderLayout.CENTER);
        split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, overviewScroll, lower);
        split.setResizeWeight(0.6);
        split.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                fitOverview();
            }
        });

        JPanel status = new JPanel(new BorderLayout());
        connection.setName("connection");
        message.setName("message");
        connection.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        message.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        status.add(connection, BorderLayout.WEST);
        status.add(message, BorderLayout.CENTER);

        getContentPane().add(toolbar, BorderLayout.NORTH);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);
        setMinimumSize(new Dimension(420, 360));
        setPreferredSize(new Dimension(820, 900));
        pack();

        model.addListener(e -> {
            switch (e.getPropertyName()) {
                case PanelModel.VIEW -> {
                    show((SessionView) e.getNewValue());
                    showConnection();
                }
                case PanelModel.CONNECTION -> showConnection();
                case PanelModel.SELECTION -> {
                    overview.repaint();
                    graph.repaint();
                    compareBar.refresh();
                }
                case PanelModel.MESSAGE -> message.setText((String) e.getNewValue());
                default -> {}
            }
        });
        show(model.view());
        showConnection();
    }

    /**
     * The most of the window's height the overview takes: the master section and the tabs share the rest, and at
     * 820x900 the tabs keep the room they had before the master section (a warning with its buttons, the checklist).
     */
    static final double OVERVIEW_SHARE = 0.57;

    /** Gives the overview the height of all its rows, up to {@link #OVERVIEW_SHARE}; the rest goes below. */
    private void fitOverview() {
        if (split.getHeight() == 0) {
            return;
        }
        int want = overviewScroll.getPreferredSize().height;
        int most = (int) (split.getHeight() * OVERVIEW_SHARE);
        split.setDividerLocation(Math.min(want, most));
    }

    /** Vertical scrolling only: the view tracks the window's width. */
    private static JScrollPane scrolling(java.awt.Component view) {
        return new JScrollPane(view, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    }

    public OverviewPanel overview() {
        return overview;
    }

    public TimelinePanel timeline() {
        return timeline;
    }

    public MasterPanel master() {
        return master;
    }

    public JTabbedPane tabs() {
        return tabs;
    }

    /** The sidecar's state and the DAW's (from the latest view) in the status bar and the title; greys stale levels. */
    private void showConnection() {
        StatusLine line = StatusLine.of(model.connection(), DawState.of(model.view()));
        connection.setText(line.text());
        connection.setForeground(line.ok() ? StagingColors.IN_RANGE.brighter() : StagingColors.HOT);
        // In the title too: it shows in the window list and the taskbar while the panel is covered.
        setTitle(windowTitle(line));
        overview.setFrozen(!line.live());
        master.setFrozen(!line.live());
    }

    static String windowTitle(StatusLine line) {
        // Plain ASCII: X11 tools and some window managers read WM_NAME as Latin-1 or compound text.
        return "gainstage: " + line.titleWord();
    }

    private void show(SessionView view) {
        overviewModel.update(view);
        graphModel.update(view);
        checklistModel.update(view.getChecklist());
        overview.refresh();
        if (view.getRowsCount() != rowsShown) {
            rowsShown = view.getRowsCount();
            overviewScroll.validate();
            fitOverview();
        }
        graph.refresh();
        warnings.refresh(view.getWarningsList(), view.getDecisionsList());
        String warningsTab =
                view.getActiveWarningCount() == 0 ? "Warnings" : "Warnings (" + view.getActiveWarningCount() + ")";
        for (int tab = 0; tab < tabs.getTabCount(); tab++) {
            if (SwingUtilities.isDescendingFrom(warnings, tabs.getComponentAt(tab))
                    && !tabs.getTitleAt(tab).equals(warningsTab)) {
                tabs.setTitleAt(tab, warningsTab); // the acknowledged ones are out of the count
            }
        }
        checklist.refresh();
        compareBar.refresh();
        master.refresh(view);
        String gaps = overviewModel.gaps().summary();
        String notices = view.getNoticesCount() == 0 ? "" : "   \u26A0 " + String.join("; ", view.getNoticesList());
        title.setText(
                view.getRowsCount() == 0
                        ? "waiting for a DAW session\u2026"
                        : String.format(
                                Locale.ROOT,
                                "%s   %.0f s   %d warnings   checklist %s%s%s",
                                view.getSessionName(),
                                view.getAudioTimeSeconds(),
                                view.getActiveWarningCount(),
                                checklistModel.progressText(),
                                gaps.isEmpty() ? "" : "   " + gaps,
                                notices));
        if (!title.getText().equals(title.getToolTipText())) {
            title.setToolTipText(title.getText()); // the whole line, when the window cuts it
        }
    }
}
