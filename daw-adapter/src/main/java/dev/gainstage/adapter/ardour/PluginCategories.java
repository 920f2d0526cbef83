package dev.gainstage.adapter.ardour;

import dev.gainstage.proto.v1.PluginClass;
import java.util.Locale;

/**
 * Ardour's word for a plugin's class (an LV2 plugin's class label such as "Distortion", "Dynamics", "EQ",
 * "Compressor", "Reverb"; a Lua processor's category) as the protocol's {@link PluginClass}. The staging rules
 * calibrate a plugin's input drive by it; a word not known here is {@code PLUGIN_CLASS_OTHER} when there is one and
 * {@code UNSPECIFIED} when Ardour gave none, so the rules judge it the cautious way.
 */
final class PluginCategories {
    private PluginCategories() {}

    static PluginClass classOf(String category) {
        String c = category == null ? "" : category.trim().toLowerCase(Locale.ROOT);
        if (c.isEmpty() || c.equals("unknown") || c.equals("plugin")) {
            return PluginClass.PLUGIN_CLASS_UNSPECIFIED;
        }
        if (has(c, "distortion", "waveshaper", "saturat", "tape", "amplifier", "simulator", "console", "exciter")) {
            return PluginClass.PLUGIN_CLASS_SATURATION;
        }
        if (has(c, "eq", "equali", "parametric", "multiband")) {
            return PluginClass.PLUGIN_CLASS_EQ;
        }
        if (has(c, "dynamics", "compressor", "limiter", "gate", "expander", "envelope")) {
            return PluginClass.PLUGIN_CLASS_DYNAMICS;
        }
        if (has(c, "filter", "highpass", "lowpass", "bandpass", "allpass", "comb")) {
            return PluginClass.PLUGIN_CLASS_FILTER;
        }
        if (has(c, "delay", "reverb")) {
            return PluginClass.PLUGIN_CLASS_TIME;
        }
        if (has(c, "modulator", "chorus", "flanger", "phaser", "pitch")) {
            return PluginClass.PLUGIN_CLASS_MODULATION;
        }
        if (has(c, "utility", "analyser", "analyzer", "mixer", "spatial", "converter", "gain")) {
            return PluginClass.PLUGIN_CLASS_UTILITY;
        }
        if (has(c, "instrument", "generator", "oscillator")) {
            return PluginClass.PLUGIN_CLASS_INSTRUMENT;
        }
        return PluginClass.PLUGIN_CLASS_OTHER;
    }

    private static boolean has(String category, String... words) {
        for (String w : words) {
            if (category.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
