package dev.gainstage.panel.timeline;

import dev.gainstage.client.TimelinePosition;
import dev.gainstage.panel.PanelActions;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.Tooltips;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.Severity;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;
import javax.swing.UIManager;

/**
 * The timeline of warnings: a lane per warning named in words on the left, its spans as bars on the
 * DAW's timeline on the right, a time axis above and the playhead's position as a line. Clicking a
 * bar moves the DAW's playhead to just before the warning was raised ({@link TimelineModel}); the
 * status line says where it went. Painted from the {@link TimelineModel} on the EDT.
 */
public final class TimelinePanel extends JComponent implements Scrollable {
    static final int LANE_HEIGHT = 22;
    static final int AXIS_HEIGHT = 22;
    private static final int MIN_BAR_PIXELS = 6;
    private static final int GAP = 8;
    private static final double[] TICK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};

    private final TimelineModel model;
    private final PanelActions actions;

    public TimelinePanel(PanelModel panel, TimelineModel model, PanelActions actions) {
        this.model = model;
        this.actions = actions;
        setName("timeline");
        setOpaque(true);
        ToolTipManager.sharedInstance().registerComponent(this);
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                TimelineModel.Entry entry = entryAt(e.getPoint());
                if (entry != null) {
                    actions.locate(entry.locateSeconds(), entry.label());
                }
            }
        });
        panel.addListener(e -> {
            if (PanelModel.HISTORY.equals(e.getPropertyName())) {
                refresh((SessionHistoryView) e.getNewValue());
            }
        });
        refresh(panel.history());
    }

    public TimelineModel model() {
        return model;
    }

    void refresh(SessionHistoryView history) {
        int lanesBefore = model.lanes().size();
        model.update(history);
        if (model.lanes().size() != lanesBefore) {
            revalidate();
        }
        repaint();
    }

    /** Where the bars are drawn: right of the lane names, below the axis. */
    Rectangle barArea() {
        int names = Math.min(320, Math.max(120, getWidth() * 2 / 5));
        return new Rectangle(
                names + GAP,
                AXIS_HEIGHT,
                Math.max(1, getWidth() - names - 2 * GAP),
                model.lanes().size() * LANE_HEIGHT);
    }

    /** A bar's rectangle, in this component's coordinates. */
    public Rectangle bounds(TimelineModel.Entry e) {
        return new Rectangle(
                x(e.start()),
                barArea().y + e.lane() * LANE_HEIGHT + 4,
                Math.max(MIN_BAR_PIXELS, x(e.end()) - x(e.start())),
                LANE_HEIGHT - 8);
    }

    /** Where a time of the DAW's timeline is drawn. */
    private int x(double seconds) {
        Rectangle area = barArea();
        double perSecond = area.width / (model.endSeconds() - model.startSeconds());
        return area.x + (int) Math.round((seconds - model.startSeconds()) * perSecond);
    }

    private TimelineModel.Entry entryAt(Point p) {
        Rectangle area = barArea();
        return model.entryAt(p.x - area.x, p.y - area.y, area.width, LANE_HEIGHT, MIN_BAR_PIXELS);
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        TimelineModel.Entry entry = entryAt(e.getPoint());
        return entry == null
                ? null
                : entry.label() + ". Click to hear it: the playhead goes to "
                        + TimelinePosition.format(entry.locateSeconds()) + ".";
    }

    @Override
    public Point getToolTipLocation(MouseEvent e) {
        return Tooltips.location(this, e);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(getBackground() != null ? getBackground() : UIManager.getColor("Panel.background"));
            g.fillRect(0, 0, getWidth(), getHeight());
            FontMetrics fm = g.getFontMetrics(getFont());
            g.setFont(getFont());
            Color text = UIManager.getColor("Label.foreground");
            Color faint = UIManager.getColor("Label.disabledForeground");
            if (model.lanes().isEmpty()) {
                g.setColor(text);
                g.drawString("No warnings yet on this session's timeline.", GAP, AXIS_HEIGHT + fm.getAscent());
                return;
            }
            Rectangle area = barArea();
            paintAxis(g, fm, area, faint, text);
            List<String> lanes = model.lanes();
            for (int i = 0; i < lanes.size(); i++) {
                int y = area.y + i * LANE_HEIGHT;
                g.setColor(text);
                String name = fit(lanes.get(i), fm, area.x - 2 * GAP);
                g.drawString(name, GAP, y + (LANE_HEIGHT + fm.getAscent() - fm.getDescent()) / 2);
                g.setColor(faint);
                g.drawLine(area.x, y + LANE_HEIGHT - 1, area.x + area.width, y + LANE_HEIGHT - 1);
            }
            for (TimelineModel.Entry e : model.entries()) {
                Rectangle r = bounds(e);
                g.setColor(color(e.severity()));
                g.fillRect(r.x, r.y, r.width, r.height);
                if (e.active()) { // reaches on to now: an open end
                    g.setColor(text);
                    g.drawLine(r.x + r.width - 1, r.y, r.x + r.width - 1, r.y + r.height - 1);
                }
            }
            int now = x(model.nowSeconds());
            g.setColor(text);
            g.drawLine(now, AXIS_HEIGHT - 4, now, area.y + area.height);
        } finally {
            g.dispose();
        }
    }

    private void paintAxis(Graphics2D g, FontMetrics fm, Rectangle area, Color faint, Color text) {
        double end = model.endSeconds();
        double perSecond = area.width / (end - model.startSeconds());
        double step = TICK_STEPS[TICK_STEPS.length - 1];
        for (double s : TICK_STEPS) {
            if (s * perSecond >= fm.stringWidth("0:00:00.0") + 12) {
                step = s;
                break;
            }
        }
        for (double t = Math.ceil(model.startSeconds() / step) * step; t <= end; t += step) {
            int x = x(t);
            g.setColor(faint);
            g.drawLine(x, AXIS_HEIGHT - 4, x, area.y + area.height);
            g.setColor(text);
            g.drawString(TimelinePosition.format(t), x + 2, AXIS_HEIGHT - 8);
        }
    }

    private static Color color(Severity s) {
        return switch (s) {
            case SEVERITY_CRITICAL -> StagingColors.CLIPPING;
            case SEVERITY_WARNING -> StagingColors.HOT;
            default -> StagingColors.QUIET;
        };
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && fm.stringWidth(cut + "\u2026") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(400, AXIS_HEIGHT + Math.max(1, model.lanes().size()) * LANE_HEIGHT + GAP);
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return LANE_HEIGHT;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height - LANE_HEIGHT : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }
}
