package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.PluginClass;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input drive is judged by what the plugin models: a digital EQ at -2 dBFS in a floating-point DAW is not
 * overdriven; an analog-modelled saturator driven 6 dB over 0 VU (-18 dBFS RMS) is; the warning says which
 * calibration it used.
 */
class PluginInputCalibrationTest {
    private final StagingRules rules = new StagingRules(RuleConfig.defaults());
    private final Map<TapKey, MeterReading> readings = new HashMap<>();

    private static SessionGraph graph() throws GraphException {
        Strip kick = new Strip(
                "kick",
                "Kick",
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        new Stage("kick/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), ""),
                        new Stage("kick/trim", StageKind.TRIM, "Trim", "", true, OptionalDouble.of(0), ""),
                        plugin("kick/eq", "a-EQ", PluginClass.EQ, "EQ"),
                        plugin("kick/tape", "Tape Sat", PluginClass.SATURATION, "Distortion"),
                        plugin("kick/mystery", "Mystery", PluginClass.UNKNOWN, ""),
                        new Stage("kick/output", StageKind.OUTPUT, "Output", "", true, OptionalDouble.empty(), "")),
                List.of());
        return SessionGraph.of(List.of(kick));
    }

    private static Stage plugin(String id, String name, PluginClass pluginClass, String category) {
        return new Stage(id, StageKind.PLUGIN, name, "", true, OptionalDouble.empty(), "", pluginClass, category);
    }

    private Observation overdrive(String stage, double peak, double rms) throws GraphException {
        readings.put(new TapKey(stage, TapPoint.INPUT), Readings.of(peak, peak, rms, rms, 10));
        return rules.evaluate(graph(), readings::get, Set.of()).stream()
                .filter(o ->
                        o.rule() == Rule.PLUGIN_INPUT_OVERDRIVE && o.stageId().equals(stage))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDigitalEqBelowFullScaleIsNotOverdriven() throws GraphException {
        assertFalse(overdrive("kick/eq", -2, -10).breaks(), "a digital EQ at -2 dBFS peak, -10 dBFS RMS");
        Observation over = overdrive("kick/eq", 0.5, -8);
        assertTrue(over.breaks(), "over full scale, where fixed-point processing clips");
        assertTrue(over.message().contains("EQ, digital: only over 0.0 dBFS peak"), over.message());
    }

    @Test
    void anAnalogModelledSaturatorIsDrivenAround0Vu() throws GraphException {
        assertFalse(overdrive("kick/tape", -10, -20).breaks(), "near 0 VU = -18 dBFS RMS: as intended");
        Observation hot = overdrive("kick/tape", -8, -11);
        assertTrue(hot.breaks(), "7 dB over 0 VU");
        assertTrue(hot.message().contains("Distortion, analog-modelled: 0 VU = -18 dBFS RMS"), hot.message());
    }

    @Test
    void aPluginOfUnreportedClassIsJudgedTheCautiousWayAndSaysSo() throws GraphException {
        Observation o = overdrive("kick/mystery", -4, -20);
        assertTrue(o.breaks());
        assertTrue(o.message().contains("plugin class not reported, judged as analog-modelled"), o.message());
    }
}
