package dev.gainstage.panel.graph;

import dev.gainstage.panel.StagingColors;
import dev.gainstage.panel.overview.Readout;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's signal flow laid out in columns: tracks, then each depth of buses, then the master.
 * Edges carry the feeding strip's output peak, so the view can colour them by level.
 */
public final class FlowGraphModel {
    /** A strip placed in a column; {@code state} is its worst stage state. */
    public record Node(
            String stripId, String name, StripKind kind, int column, int row, StagingState state, double outPeak) {
        /** The level the node shows under its name, with its unit. */
        public String levelText() {
            return Double.isNaN(outPeak) ? "no signal" : "peak " + Readout.db(outPeak) + " dBFS";
        }
    }

    public record Edge(String from, String to, double peak) {}

    private List<Node> nodes = List.of();
    private List<Edge> edges = List.of();
    private int columns;

    public void update(SessionView view) {
        Map<String, OverviewRow> rows = new HashMap<>();
        for (OverviewRow r : view.getRowsList()) {
            rows.put(r.getStripId(), r);
        }
        Map<String, Integer> depth = new HashMap<>();
        for (OverviewRow r : view.getRowsList()) {
            depthOf(r.getStripId(), rows, depth, 0);
        }
        int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Node> n = new ArrayList<>();
        List<Edge> e = new ArrayList<>();
        Map<Integer, Integer> perColumn = new HashMap<>();
        for (OverviewRow r : view.getRowsList()) {
            // Everything flows to the master, so the master is always the last column.
            int column = r.getKind() == StripKind.STRIP_KIND_MASTER ? maxDepth : depth.get(r.getStripId());
            int row = perColumn.merge(column, 1, Integer::sum) - 1;
            double out = outPeak(r);
            n.add(new Node(r.getStripId(), r.getName(), r.getKind(), column, row, worst(r), out));
            for (String target : r.getOutputsList()) {
                if (rows.containsKey(target)) {
                    e.add(new Edge(r.getStripId(), target, out));
                }
            }
        }
        nodes = n;
        edges = e;
        columns = maxDepth + 1;
    }

    /** Tracks are column 0; a strip sits one column right of the deepest strip feeding it. */
    private static int depthOf(String id, Map<String, OverviewRow> rows, Map<String, Integer> depth, int guard) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        int d = 0;
        if (guard < rows.size()) { // the sidecar refuses cycles; the guard only keeps a bad view finite
            for (OverviewRow r : rows.values()) {
                if (r.getOutputsList().contains(id)) {
                    d = Math.max(d, depthOf(r.getStripId(), rows, depth, guard + 1) + 1);
                }
            }
        }
        depth.put(id, d);
        return d;
    }

    private static double outPeak(OverviewRow r) {
        for (int i = r.getStagesCount() - 1; i >= 0; i--) {
            StageView s = r.getStages(i);
            if (s.hasOutput() && s.getOutput().hasSamplePeakDbfs()) {
                return s.getOutput().getSamplePeakDbfs();
            }
        }
        return Double.NaN;
    }

    private static StagingState worst(OverviewRow r) {
        StagingState w = StagingState.STAGING_STATE_NO_SIGNAL;
        for (StageView s : r.getStagesList()) {
            if (StagingColors.rank(s.getState()) > StagingColors.rank(w)) {
                w = s.getState();
            }
        }
        return w;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public int columns() {
        return columns;
    }
}
