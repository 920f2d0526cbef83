package dev.gainstage.engine.rules;

import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * SOURCE_TOO_QUIET: after enough signal to judge, a track's source (after its trim) peaks too low, or
 * sits too close to its noise floor.
 */
public final class SourceTooQuietRule implements StagingRule {
    /** A noise-floor estimate this far below the overall RMS means quiet passages were measured. */
    private static final double QUIET_PASSAGE_DB = 20.0;

    @Override
    public Rule id() {
        return Rule.SOURCE_TOO_QUIET;
    }

    /**
     * Whether a source's peaks sit less than {@code marginDb} above its noise floor. The floor only
     * counts when quiet passages were found: on a steady signal the estimate is the signal itself,
     * not its noise.
     */
    static boolean closeToNoiseFloor(MeterReading r, double marginDb) {
        boolean floorFound = MeterReading.has(r.noiseFloorDbfs())
                && MeterReading.has(r.overallRmsDbfs())
                && r.noiseFloorDbfs() < r.overallRmsDbfs() - QUIET_PASSAGE_DB;
        return floorFound && r.maxSamplePeakDbfs() - r.noiseFloorDbfs() < marginDb;
    }

    @Override
    public Optional<Observation> evaluate(StageContext c) {
        RuleConfig config = c.config();
        return SourceLevels.of(c)
                .filter(s -> s.judged().signalSeconds() >= config.quietMinSignalSeconds())
                .map(s -> {
                    MeterReading r = s.judged();
                    double toTarget = s.toTarget(config);
                    boolean quietPeak = s.peak() < config.sourceQuietPeakDbfs();
                    boolean noisy = closeToNoiseFloor(r, config.noiseFloorMarginDb());
                    String where = RuleWording.where(c.strip(), s.source());
                    return new Observation(
                            id(),
                            c.strip().id(),
                            s.source().id(),
                            s.peak(),
                            config.sourceQuietPeakDbfs(),
                            Direction.BELOW,
                            "dBFS",
                            quietPeak || noisy,
                            quietPeak
                                    ? RuleWording.sourceQuietPeak(
                                            where, s.peak(), s.afterTrim(), s.inputGain(), config.sourceQuietPeakDbfs())
                                    : RuleWording.sourceNearNoiseFloor(
                                            where, r.maxSamplePeakDbfs() - r.noiseFloorDbfs()),
                            RuleWording.sourceTooQuietSuggestion(
                                    s.inputGain(), toTarget, config.sourceTargetPeakDbfs()),
                            Fixes.at(s.fixStage(), toTarget),
                            config.clearMarginDb());
                });
    }
}
