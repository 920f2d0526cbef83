package dev.gainstage.engine.rules;

import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * SOURCE_TOO_QUIET: a track's source (after its trim) peaks too low. About level alone (noise is SOURCE_NOISY's, and
 * gain cannot fix it); judged once the source has given enough to judge: seconds of signal, or for sparse material
 * (hits, a few words) enough events.
 */
public final class SourceTooQuietRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.SOURCE_TOO_QUIET;
    }

    /** Whether the source has given enough to be judged: {@code quiet_min_signal_seconds} or {@code quiet_min_events}. */
    public static boolean judgeable(MeterReading r, RuleConfig config) {
        return r.signalSeconds() >= config.quietMinSignalSeconds() || r.events() >= config.quietMinEvents();
    }

    @Override
    public Optional<Observation> evaluate(StageContext c) {
        RuleConfig config = c.config();
        return SourceLevels.of(c).filter(s -> judgeable(s.judged(), config)).map(s -> {
            double toTarget = s.toTarget(config);
            return new Observation(
                    id(),
                    c.strip().id(),
                    s.source().id(),
                    s.peak(),
                    config.sourceQuietPeakDbfs(),
                    Direction.BELOW,
                    "dBFS",
                    s.peak() < config.sourceQuietPeakDbfs(),
                    RuleWording.sourceQuietPeak(
                            RuleWording.where(c.strip(), s.source()),
                            s.peak(),
                            s.afterTrim(),
                            s.inputGain(),
                            config.sourceQuietPeakDbfs()),
                    RuleWording.sourceTooQuietSuggestion(s.inputGain(), toTarget, config.sourceTargetPeakDbfs()),
                    Fixes.at(s.fixStage(), toTarget),
                    config.clearMarginDb());
        });
    }
}
