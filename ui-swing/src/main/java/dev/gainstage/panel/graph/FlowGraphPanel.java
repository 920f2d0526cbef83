package dev.gainstage.panel.graph;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.panel.PanelModel;
import dev.gainstage.panel.StagingColors;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.CubicCurve2D;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.UIManager;

/** The signal flow, tracks → buses → master, edges coloured by the level they carry; click a node to select it. */
public final class FlowGraphPanel extends JComponent {
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

    private int nodeW() {
        return Math.round(getFont().getSize2D() * 9);
    }

    private int nodeH() {
        return Math.round(getFont().getSize2D() * 2.2f);
    }

    private int colW() {
        return Math.max(nodeW() + 40, graph.columns() == 0 ? 0 : (getWidth() - 20) / graph.columns());
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
        return new Dimension(20 + Math.max(1, graph.columns()) * (nodeW() + 40), 20 + rows * rowH());
    }

    private FlowGraphModel.Node nodeAt(int px, int py) {
        for (FlowGraphModel.Node n : graph.nodes()) {
            if (px >= x(n) && px <= x(n) + nodeW() && py >= y(n) && py <= y(n) + nodeH()) {
                return n;
            }
        }
        return null;
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        FlowGraphModel.Node n = nodeAt(e.getX(), e.getY());
        return n == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "%s: output %s",
                        n.name(),
                        Double.isNaN(n.outPeak())
                                ? "no signal"
                                : String.format(Locale.ROOT, "%.1f dBFS peak", n.outPeak()));
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
        g.setStroke(new BasicStroke(2.5f));
        for (FlowGraphModel.Edge e : graph.edges()) {
            FlowGraphModel.Node a = byId.get(e.from());
            FlowGraphModel.Node b = byId.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            double x1 = x(a) + nodeW();
            double y1 = y(a) + nodeH() / 2.0;
            double x2 = x(b);
            double y2 = y(b) + nodeH() / 2.0;
            g.setColor(LevelScale.colorOf(e.peak()));
            g.draw(new CubicCurve2D.Double(x1, y1, (x1 + x2) / 2, y1, (x1 + x2) / 2, y2, x2, y2));
        }
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics();
        String selected = model.selection().stripId();
        for (FlowGraphModel.Node n : graph.nodes()) {
            g.setColor(StagingColors.of(n.state()).darker());
            g.fillRoundRect(x(n), y(n), nodeW(), nodeH(), 10, 10);
            g.setColor(n.stripId().equals(selected) ? Color.WHITE : StagingColors.of(n.state()));
            g.drawRoundRect(x(n), y(n), nodeW(), nodeH(), 10, 10);
            g.setColor(Color.WHITE);
            String label =
                    n.name() + (Double.isNaN(n.outPeak()) ? "" : String.format(Locale.ROOT, "  %.1f", n.outPeak()));
            g.drawString(label, x(n) + 8, y(n) + (nodeH() + fm.getAscent()) / 2 - 2);
        }
    }
}
