package dev.gainstage.adapter.ardour.bridge;

/**
 * An output-like input control of a plugin (makeup, output, gain ...), as Ardour's OSC surface addresses
 * it: {@code oscIndex} is 1-based among the plugin's control ports, inputs and outputs alike
 * ({@code /strip/plugin/parameter ssid piid oscIndex value}); values outside lower..upper are ignored by
 * Ardour.
 */
public record PluginControl(int oscIndex, String label, double value, double lower, double upper) {}
