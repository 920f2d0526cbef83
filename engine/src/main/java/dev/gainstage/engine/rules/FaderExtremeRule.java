package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import java.util.List;
import java.util.Optional;

/** FADER_EXTREME: a fader far from 0 dB, with signal, is doing the trim's job. */
public final class FaderExtremeRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.FADER_EXTREME;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        Stage stage = c.stage();
        if (stage.kind() != StageKind.FADER || stage.gainDb().isEmpty() || !hasSignal(c.input())) {
            return Optional.empty();
        }
        RuleConfig config = c.config();
        double gain = stage.gainDb().getAsDouble();
        boolean boost = gain > 0;
        double threshold = boost ? config.faderMaxDb() : config.faderMinDb();
        Direction direction = boost ? Direction.ABOVE : Direction.BELOW;
        return Optional.of(Observation.unworded(
                c,
                id(),
                stage.id(),
                gain,
                threshold,
                direction,
                "dB",
                direction.breaks(gain, threshold),
                List.of(), // the change belongs upstream, on a trim the user picks
                config.clearMarginDb(),
                () -> new Wording.Words(
                        RuleWording.faderExtreme(RuleWording.where(c.strip(), stage), gain),
                        RuleWording.faderExtremeSuggestion(gain))));
    }
}
