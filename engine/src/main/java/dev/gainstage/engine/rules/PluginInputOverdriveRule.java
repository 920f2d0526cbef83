package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/** PLUGIN_INPUT_OVERDRIVE: an active plugin is hit too hard (peak or RMS) and may distort unasked. */
public final class PluginInputOverdriveRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.PLUGIN_INPUT_OVERDRIVE;
    }

    @Override
    public Optional<Observation> evaluate(StageContext c) {
        MeterReading in = c.input();
        if (!c.isActivePlugin() || !hasSignal(in) || c.muted()) {
            return Optional.empty();
        }
        RuleConfig config = c.config();
        Stage stage = c.stage();
        double peak = in.samplePeakDbfs();
        double rms = in.rmsDbfs();
        boolean rmsHot = MeterReading.has(rms) && rms > config.pluginInputRmsDbfs();
        Stage upstream = c.upstreamGainStage();
        double toTarget = Decibels.tenth(config.sourceTargetPeakDbfs() - peak);
        return Optional.of(new Observation(
                id(),
                c.strip().id(),
                stage.id(),
                peak,
                config.pluginInputPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                peak > config.pluginInputPeakDbfs() || rmsHot,
                RuleWording.pluginInputOverdrive(RuleWording.where(c.strip(), stage), peak, rms),
                RuleWording.pluginInputOverdriveSuggestion(stage, upstream, toTarget),
                Fixes.at(upstream == null ? "" : upstream.id(), toTarget),
                config.clearMarginDb()));
    }
}
