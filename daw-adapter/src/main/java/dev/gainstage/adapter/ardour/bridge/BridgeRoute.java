package dev.gainstage.adapter.ardour.bridge;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A route as the bridge reports it.
 *
 * @param inputs          audio input channels
 * @param feeds           ids of the routes its outputs connect to
 * @param meterMaxPeakDb  Ardour's own meter (max peak since reset, over channels), when it shows a level
 * @param outputPorts     its output ports (after the panner), one per channel
 */
public record BridgeRoute(
        String id,
        String name,
        RouteKind kind,
        boolean active,
        int inputs,
        List<String> feeds,
        OptionalDouble meterMaxPeakDb,
        List<String> outputPorts,
        List<BridgeProcessor> processors) {
    public BridgeRoute {
        feeds = List.copyOf(feeds);
        outputPorts = List.copyOf(outputPorts);
        processors = List.copyOf(processors);
    }
}
