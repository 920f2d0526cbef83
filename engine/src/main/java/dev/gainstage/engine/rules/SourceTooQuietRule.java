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

    /**
     * What a source still needs before this rule judges it, "" once it can: "1.2 s of signal, 2 events (judged
     * after 3 s or 4 events)". The checklist, the view and analyze all say it in these words.
     */
    public static String waitingFor(MeterReading r, RuleConfig config) {
        if (judgeable(r, config)) {
            return "";
        }
        // rounded down, so a source just short of the mark never reads as having reached it
        return String.format(
                java.util.Locale.ROOT,
                "%.1f s of signal, %d %s (judged after %.0f s or %.0f events)",
                Math.floor(r.signalSeconds() * 10) / 10,
                r.events(),
                r.events() == 1 ? "event" : "events",
                config.quietMinSignalSeconds(),
                config.quietMinEvents());
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        RuleConfig config = c.config();
        return SourceLevels.of(c).filter(s -> judgeable(s.judged(), config)).map(s -> {
            double toTarget = s.toTarget(config);
            return Observation.unworded(
                    c,
                    id(),
                    s.source().id(),
                    s.peak(),
                    config.sourceQuietPeakDbfs(),
                    Direction.BELOW,
                    "dBFS",
                    s.peak() < config.sourceQuietPeakDbfs(),
                    Fixes.at(s.fixStage(), toTarget),
                    config.clearMarginDb(),
                    () -> new Wording.Words(
                            RuleWording.sourceQuietPeak(
                                    RuleWording.where(c.strip(), s.source()),
                                    s.peak(),
                                    s.afterTrim(),
                                    s.inputGain(),
                                    config.sourceQuietPeakDbfs()),
                            RuleWording.sourceTooQuietSuggestion(
                                    s.inputGain(), toTarget, config.sourceTargetPeakDbfs())));
        });
    }
}
