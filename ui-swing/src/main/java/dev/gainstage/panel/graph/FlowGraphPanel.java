package dev.gainstage.panel.graph;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.TextFit;
import dev.gainstage.panel.Tooltips;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.CubicCurve2D;
import java.util.HashMap;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** The signal flow, tracks → buses → master, edges coloured by the level they carry; click a node to select it. */
public final class FlowGraphPanel extends JComponent {
    /** Horizontal room between columns, for the edges. */
    private static final int EDGE_ROOM = 40;

    private final PanelModel model;
    private final FlowGraphModel graph;

    public FlowGraphPanel(PanelModel model, FlowGraphModel graph) {
        this.model = model;
        this.graph = graph;
        setName("flowGraph");
        setToolTipText("");
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                FlowGraphModel.Node n = nodeAt(e.getX(), e.getY());
                if (n != null) {
                    model.select(new PanelModel.Selection(n.stripId(), ""));
                }
            }
        });
    }

    private java.awt.Dimension laidOut = new java.awt.Dimension();

    /** Repaints; lays out again only when the graph's size changed. */
    public void refresh() {
        java.awt.Dimension size = getPreferredSize();
        if (!size.equals(laidOut)) {
            laidOut = size;
            revalidate();
        }
        repaint();
    }

    /** The smallest node: a column is never narrower than this plus the room for the edges. */
    private int minNodeW() {
        return Math.round(getFont().getSize2D() * 9);
    }

    /** As wide as the widest label needs, within its column. */
    private int nodeW() {
        FontMetrics fm = getFontMetrics(getFont());
        int widest = 0;
        for (FlowGraphModel.Node n : graph.nodes()) {
            widest = Math.max(widest, Math.max(fm.stringWidth(n.name()), fm.stringWidth(n.levelText())));
        }
        return Math.max(minNodeW(), Math.min(widest + 16, colW() - EDGE_ROOM));
    }

    private int nodeH() {
        return 2 * getFontMetrics(getFont()).getHeight() + 8;
    }

    private int colW() {
        return Math.max(minNodeW() + EDGE_ROOM, graph.columns() == 0 ? 0 : (getWidth() - 20) / graph.columns());
    }

    private int rowH() {
        return nodeH() + 10;
    }

    private int x(FlowGraphModel.Node n) {
        return 10 + n.column() * colW();
    }

    private int y(FlowGraphModel.Node n) {
        return 10 + n.row() * rowH();
    }

    @Override
    public Dimension getPreferredSize() {
        int rows = graph.nodes().stream().mapToInt(n -> n.row() + 1).max().orElse(1);
        return new Dimension(20 + Math.max(1, graph.columns()) * (minNodeW() + EDGE_ROOM), 20 + rows * rowH());
    }

    private FlowGraphModel.Node nodeAt(int px, int py) {
        int w = nodeW();
        int h = nodeH();
        for (FlowGraphModel.Node n : graph.nodes()) {
            if (px >= x(n) && px <= x(n) + w && py >= y(n) && py <= y(n) + h) {
                return n;
            }
        }
        return null;
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        FlowGraphModel.Node n = nodeAt(e.getX(), e.getY());
        return n == null ? null : Tooltips.lines(n.name(), "output: " + n.levelText());
    }

    @Override
    public Point getToolTipLocation(MouseEvent e) {
        return Tooltips.location(this, e);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color bg = UIManager.getColor("Panel.background");
        g.setColor(bg == null ? Color.DARK_GRAY : bg);
        g.fillRect(0, 0, getWidth(), getHeight());
        Map<String, FlowGraphModel.Node> byId = new HashMap<>();
        for (FlowGraphModel.Node n : graph.nodes()) {
            byId.put(n.stripId(), n);
        }
        int w = nodeW();
        int h = nodeH();
        g.setStroke(new BasicStroke(2.5f));
        for (FlowGraphModel.Edge e : graph.edges()) {
            FlowGraphModel.Node a = byId.get(e.from());
            FlowGraphModel.Node b = byId.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            double x1 = x(a) + w;
            double y1 = y(a) + h / 2.0;
            double x2 = x(b);
            double y2 = y(b) + h / 2.0;
            g.setColor(LevelScale.colorOf(e.peak()));
            g.draw(new CubicCurve2D.Double(x1, y1, (x1 + x2) / 2, y1, (x1 + x2) / 2, y2, x2, y2));
        }
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics();
        String selected = model.selection().stripId();
        for (FlowGraphModel.Node n : graph.nodes()) {
            g.setColor(StagingColors.of(n.state()).darker());
            g.fillRoundRect(x(n), y(n), w, h, 10, 10);
            g.setColor(n.stripId().equals(selected) ? Color.WHITE : StagingColors.of(n.state()));
            g.drawRoundRect(x(n), y(n), w, h, 10, 10);
            g.setColor(Color.WHITE);
            int top = y(n) + 4 + fm.getAscent();
            g.drawString(TextFit.middle(n.name(), w - 16, fm::stringWidth), x(n) + 8, top);
            g.drawString(TextFit.middle(n.levelText(), w - 16, fm::stringWidth), x(n) + 8, top + fm.getHeight());
        }
    }
}
