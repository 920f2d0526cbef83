package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Which figures each tap's meter computes: those its rules and the panel's view of it use, from its
 * stage's role in the graph, so a role that changes (a strip that becomes the master, a stage that
 * becomes a plugin) changes its meter's mode with the next subscription.
 *
 * <ul>
 * <li>The master's output: everything (its rules judge the worse of sample and true peak; integrated
 *     loudness and loudness range are shown for the mix).
 * <li>The master's other taps and every plugin's output: true peak (PLUGIN_OUTPUT_HOT judges it) and
 *     loudness, no histograms.
 * <li>Every other output and a plugin's input: momentary and short-term loudness (the panel shows
 *     short-term on every stage's output; PLUGIN_GAIN_MISMATCH compares a plugin's input and output),
 *     no true peak: sources, trims, faders, sends and buses are judged on their sample peak.
 * <li>Any other input: the cheap figures only (peak, RMS and the rest of {@link MeterMode}'s list).
 * </ul>
 */
public final class TapModes {
    private TapModes() {}

    static Map<TapKey, MeterMode> of(SessionGraph graph) {
        Map<TapKey, MeterMode> modes = new HashMap<>();
        for (Strip strip : graph.strips()) {
            for (Stage stage : strip.stages()) {
                for (TapPoint point : TapPoint.values()) {
                    modes.put(new TapKey(stage.id(), point), of(strip, stage, point));
                }
            }
        }
        return modes;
    }

    public static MeterMode of(Strip strip, Stage stage, TapPoint point) {
        boolean output = point == TapPoint.OUTPUT;
        if (strip.kind() == StripKind.MASTER) {
            return output && stage.kind() == StageKind.OUTPUT ? MeterMode.FULL : MeterMode.PEAKS_AND_LOUDNESS;
        }
        if (stage.kind() == StageKind.PLUGIN) {
            return output ? MeterMode.PEAKS_AND_LOUDNESS : MeterMode.LOUDNESS;
        }
        return output ? MeterMode.LOUDNESS : MeterMode.LEVELS;
    }
}
