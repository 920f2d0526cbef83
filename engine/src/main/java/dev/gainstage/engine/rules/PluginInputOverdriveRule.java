package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * PLUGIN_INPUT_OVERDRIVE: an active plugin is hit too hard and may distort unasked. Calibrated by what the plugin
 * is: analog-modelled processing (saturation, tape, console, amp; and a plugin whose class the DAW does not say) is
 * driven like the gear it models, around 0 VU = −18 dBFS RMS, so its input is judged on {@code plugin_input_peak_dbfs}
 * and {@code plugin_input_rms_dbfs}; a digital processor (EQ, dynamics, filter, ...) in a floating-point DAW has no
 * input stage to overdrive and is judged only at {@code plugin_digital_input_peak_dbfs} (full scale), where
 * fixed-point processing inside a plugin clips.
 */
public final class PluginInputOverdriveRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.PLUGIN_INPUT_OVERDRIVE;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        MeterReading in = c.input();
        if (!c.isActivePlugin() || !hasSignal(in) || c.muted()) {
            return Optional.empty();
        }
        RuleConfig config = c.config();
        Stage stage = c.stage();
        double peak = in.samplePeakDbfs();
        double rms = in.rmsDbfs();
        boolean analog = stage.pluginClass().analogModelled();
        double peakLimit = analog ? config.pluginInputPeakDbfs() : config.pluginDigitalInputPeakDbfs();
        boolean rmsHot = analog && MeterReading.has(rms) && rms > config.pluginInputRmsDbfs();
        Stage upstream = c.upstreamGainStage();
        double toTarget = Decibels.tenth(config.sourceTargetPeakDbfs() - peak);
        return Optional.of(Observation.unworded(
                c,
                id(),
                stage.id(),
                peak,
                peakLimit,
                Direction.ABOVE,
                "dBFS",
                peak > peakLimit || rmsHot,
                Fixes.at(upstream == null ? "" : upstream.id(), toTarget),
                config.clearMarginDb(),
                () -> new Wording.Words(
                        RuleWording.pluginInputOverdrive(
                                RuleWording.where(c.strip(), stage), peak, rms, RuleWording.calibration(stage, config)),
                        RuleWording.pluginInputOverdriveSuggestion(stage, upstream, toTarget))));
    }
}
