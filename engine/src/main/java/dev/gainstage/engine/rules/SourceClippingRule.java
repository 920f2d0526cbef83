package dev.gainstage.engine.rules;

import java.util.List;
import java.util.Optional;

/** SOURCE_CLIPPING: the raw recording reaches full scale; the distortion is in the audio already. */
public final class SourceClippingRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.SOURCE_CLIPPING;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        return SourceLevels.of(c).map(s -> {
            RuleConfig config = c.config();
            return Observation.unworded(
                    c,
                    id(),
                    s.source().id(),
                    s.rawPeak(),
                    config.sourceClipPeakDbfs(),
                    Direction.ABOVE,
                    "dBFS",
                    s.clipping(config),
                    List.of(), // no gain change undoes clipping
                    config.clearMarginDb(),
                    () -> new Wording.Words(
                            RuleWording.sourceClips(
                                    RuleWording.where(c.strip(), s.source()),
                                    s.rawPeak(),
                                    s.raw().clippedRuns(),
                                    s.raw().clippedSamples()),
                            RuleWording.sourceClipsSuggestion(s.inputGain())));
        });
    }
}
