package dev.gainstage.adapter.ardour.bridge;

import java.util.List;

/** One complete report of the session from the bridge: every active route, in Ardour's order. */
public record BridgeFrame(long number, String sessionPath, String sessionName, boolean rolling, long transportSample,
                          List<BridgeRoute> routes) {
    public BridgeFrame {
        routes = List.copyOf(routes);
    }
}
