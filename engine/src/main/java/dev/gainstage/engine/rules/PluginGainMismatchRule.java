package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * PLUGIN_GAIN_MISMATCH: an active plugin changes the loudness, in versus out, so bypassing it compares
 * levels rather than sounds. Judged on the window of {@link LoudnessDeltas} when there is one.
 */
public final class PluginGainMismatchRule implements StagingRule {
    /** Short-term loudness needs this much audio on the input before an in-versus-out pair means anything. */
    private static final double MIN_INPUT_SECONDS = 3.0;

    @Override
    public Rule id() {
        return Rule.PLUGIN_GAIN_MISMATCH;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        MeterReading in = c.input();
        MeterReading out = c.output();
        if (!c.isActivePlugin()
                || c.muted()
                || !hasSignal(out)
                || !hasSignal(in)
                || !MeterReading.has(in.shortTermLufs())
                || !MeterReading.has(out.shortTermLufs())
                || in.seconds() < MIN_INPUT_SECONDS) {
            return Optional.empty();
        }
        Stage stage = c.stage();
        double delta = c.deltas() == null
                ? out.shortTermLufs() - in.shortTermLufs()
                : c.deltas().delta(stage.id());
        if (Double.isNaN(delta)) {
            return Optional.empty(); // the window is still filling: no verdict yet
        }
        RuleConfig config = c.config();
        double fix = Decibels.tenth(-delta);
        return Optional.of(Observation.unworded(
                c,
                id(),
                stage.id(),
                Math.abs(delta),
                config.pluginMismatchDb(),
                Direction.ABOVE,
                "dB",
                Math.abs(delta) > config.pluginMismatchDb(),
                Fixes.at(
                        stage.id(),
                        fix), // |out - in| cannot go below 0: a margin as wide as the threshold would never clear.
                Math.min(config.clearMarginDb(), config.pluginMismatchDb() / 2),
                () -> new Wording.Words(
                        RuleWording.pluginGainMismatch(RuleWording.where(c.strip(), stage), delta),
                        RuleWording.pluginGainMismatchSuggestion(delta, fix))));
    }
}
