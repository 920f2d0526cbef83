package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.proto.v1.PluginClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ardour's plugin class labels as the protocol's classes: analog-modelled ones apart from digital processing. */
class PluginCategoriesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Distortion, PLUGIN_CLASS_SATURATION",
        "Waveshaper, PLUGIN_CLASS_SATURATION",
        "Amplifier, PLUGIN_CLASS_SATURATION",
        "Simulator, PLUGIN_CLASS_SATURATION",
        "EQ, PLUGIN_CLASS_EQ",
        "Parametric, PLUGIN_CLASS_EQ",
        "Equaliser, PLUGIN_CLASS_EQ",
        "Dynamics, PLUGIN_CLASS_DYNAMICS",
        "Compressor, PLUGIN_CLASS_DYNAMICS",
        "Limiter, PLUGIN_CLASS_DYNAMICS",
        "Gate, PLUGIN_CLASS_DYNAMICS",
        "Filter, PLUGIN_CLASS_FILTER",
        "Highpass, PLUGIN_CLASS_FILTER",
        "Reverb, PLUGIN_CLASS_TIME",
        "Delay, PLUGIN_CLASS_TIME",
        "Chorus, PLUGIN_CLASS_MODULATION",
        "Utility, PLUGIN_CLASS_UTILITY",
        "Analyser, PLUGIN_CLASS_UTILITY",
        "Instrument, PLUGIN_CLASS_INSTRUMENT",
        "Unknown, PLUGIN_CLASS_UNSPECIFIED",
        "'', PLUGIN_CLASS_UNSPECIFIED",
        "Spectral, PLUGIN_CLASS_OTHER"
    })
    void ardoursLabelsMapToClasses(String category, PluginClass expected) {
        assertEquals(expected, PluginCategories.classOf(category));
    }
}
