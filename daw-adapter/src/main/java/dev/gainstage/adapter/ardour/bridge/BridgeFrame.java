package dev.gainstage.adapter.ardour.bridge;

import java.util.List;

/**
 * One complete report of the session from the bridge: every active route, in Ardour's order, and the Ardour
 * that runs it ({@code ARDOUR.revision}, e.g. "9.8.0~ds-1"; empty from a bridge older than the field).
 */
public record BridgeFrame(
        long number,
        String sessionPath,
        String sessionName,
        boolean rolling,
        long transportSample,
        List<BridgeRoute> routes,
        String ardourRevision) {
    public BridgeFrame {
        routes = List.copyOf(routes);
        ardourRevision = ardourRevision == null ? "" : ardourRevision;
    }

    /** A frame that does not say which Ardour sent it. */
    public BridgeFrame(
            long number,
            String sessionPath,
            String sessionName,
            boolean rolling,
            long transportSample,
            List<BridgeRoute> routes) {
        this(number, sessionPath, sessionName, rolling, transportSample, routes, "");
    }
}
