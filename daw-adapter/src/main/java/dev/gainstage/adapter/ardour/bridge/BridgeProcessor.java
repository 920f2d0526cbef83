package dev.gainstage.adapter.ardour.bridge;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A stage processor of a route as the bridge reports it.
 *
 * @param gainCoefficient trim, fader and send gain as a linear factor
 * @param tapPorts        the Ardour ports of the tap send placed right before it (its input signal), one per channel
 * @param sendTarget      internal (aux) sends: the id of the route fed
 * @param controls        plugins: output-like controls, in the order the bridge found them
 * @param category        plugins: Ardour's word for the plugin's class (an LV2 class label), "" when none
 */
public record BridgeProcessor(
        String id,
        ProcessorKind kind,
        String name,
        String uri,
        boolean active,
        OptionalDouble gainCoefficient,
        List<String> tapPorts,
        String sendTarget,
        List<PluginControl> controls,
        String category) {
    public BridgeProcessor {
        tapPorts = List.copyOf(tapPorts);
        controls = List.copyOf(controls);
        category = category == null ? "" : category;
    }
}
