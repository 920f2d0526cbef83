package dev.gainstage.engine.rules;

import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * SOURCE_NOISY: a track's recording sits too close to its own steady noise floor (hiss, hum, room tone heard in the
 * gaps between its events). Judged on the raw source, since the noise is in the recording: a trim raises the noise
 * with the signal, so no gain change fixes it and the warning offers none.
 */
public final class SourceNoisyRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.SOURCE_NOISY;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        return SourceLevels.of(c)
                .filter(s -> MeterReading.has(s.raw().noiseFloorDbfs()))
                .map(s -> {
                    RuleConfig config = c.config();
                    MeterReading raw = s.raw();
                    double snr = Decibels.tenth(raw.maxSamplePeakDbfs() - raw.noiseFloorDbfs());
                    return Observation.unworded(
                            c,
                            id(),
                            s.source().id(),
                            snr,
                            config.noiseFloorMarginDb(),
                            Direction.BELOW,
                            "dB",
                            snr < config.noiseFloorMarginDb(),
                            java.util.List.of(),
                            config.clearMarginDb(),
                            () -> new Wording.Words(
                                    RuleWording.sourceNoisy(
                                            RuleWording.where(c.strip(), s.source()),
                                            raw.noiseFloorDbfs(),
                                            snr,
                                            config.noiseFloorMarginDb()),
                                    RuleWording.sourceNoisySuggestion()));
                });
    }
}
