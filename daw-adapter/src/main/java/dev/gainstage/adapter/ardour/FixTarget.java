package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.PluginControl;

/** How a stage's gain is changed through Ardour's OSC surface. Strips are found by name (OSC ssids move). */
public sealed interface FixTarget {
    String routeName();

    /** {@code /strip/trimdB ssid dB}; Ardour's trim spans -20..+20 dB. */
    record Trim(String routeName, double currentDb) implements FixTarget {}

    /** {@code /strip/gain ssid dB}; Ardour's fader goes up to +6 dB. */
    record Fader(String routeName, double currentDb) implements FixTarget {}

    /** {@code /strip/plugin/parameter ssid pluginNumber control.oscIndex value}, value in the control's dB. */
    record PluginOutput(String routeName, int pluginNumber, PluginControl control) implements FixTarget {}
}
