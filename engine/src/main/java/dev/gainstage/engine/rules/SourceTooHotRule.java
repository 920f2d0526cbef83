package dev.gainstage.engine.rules;

import java.util.Optional;

/** SOURCE_TOO_HOT: a track's source, after its trim, leaves too little room before it distorts. */
public final class SourceTooHotRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.SOURCE_TOO_HOT;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        return SourceLevels.of(c).map(s -> {
            RuleConfig config = c.config();
            double toTarget = s.toTarget(config);
            return Observation.unworded(
                    c,
                    id(),
                    s.source().id(),
                    s.peak(),
                    config.sourceHotPeakDbfs(),
                    Direction.ABOVE,
                    "dBFS",
                    !s.clipping(config) && s.peak() > config.sourceHotPeakDbfs(),
                    Fixes.at(s.fixStage(), toTarget),
                    config.clearMarginDb(),
                    () -> new Wording.Words(
                            RuleWording.sourceTooHot(
                                    RuleWording.where(c.strip(), s.source()),
                                    s.peak(),
                                    s.afterTrim(),
                                    s.inputGain(),
                                    config.sourceHotPeakDbfs()),
                            RuleWording.sourceTooHotSuggestion(
                                    s.inputGain(), toTarget, config.sourceTargetPeakDbfs())));
        });
    }
}
