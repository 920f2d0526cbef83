package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * PLUGIN_OUTPUT_HOT: an active plugin's output goes over full scale (sample or true peak) and will clip
 * the next stage. Intentional saturation does not mute it: a hot output clips whatever was intended.
 */
public final class PluginOutputHotRule implements StagingRule {
    /** Where the fix aims: 1 dB below full scale, true peak. */
    private static final double CEILING_DBTP = -1.0;

    @Override
    public Rule id() {
        return Rule.PLUGIN_OUTPUT_HOT;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        MeterReading out = c.output();
        if (!c.isActivePlugin() || !hasSignal(out)) {
            return Optional.empty();
        }
        RuleConfig config = c.config();
        Stage stage = c.stage();
        double outPeak = out.samplePeakDbfs();
        double outTp = MeterReading.has(out.truePeakDbtp()) ? out.truePeakDbtp() : outPeak;
        double worst = Math.max(outPeak, outTp);
        double toCeiling = Decibels.tenth(CEILING_DBTP - worst);
        return Optional.of(Observation.unworded(
                c,
                id(),
                stage.id(),
                worst,
                config.pluginOutputPeakDbfs(),
                Direction.ABOVE,
                outTp >= outPeak ? "dBTP" : "dBFS",
                worst > config.pluginOutputPeakDbfs(),
                Fixes.at(stage.id(), toCeiling),
                config.clearMarginDb(),
                () -> new Wording.Words(
                        RuleWording.pluginOutputHot(RuleWording.where(c.strip(), stage), outPeak, outTp),
                        RuleWording.pluginOutputHotSuggestion(stage, toCeiling))));
    }
}
