package dev.gainstage.engine.rules;

import java.util.Optional;

/**
 * MASTER_LOW_HEADROOM: the mix peaks too close to the ceiling to leave room for mastering. Not raised
 * while the master is over 0 dBFS: that warning says more.
 */
public final class MasterLowHeadroomRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.MASTER_LOW_HEADROOM;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        RuleConfig config = c.config();
        return MasterLevels.of(c)
                .map(m -> m.observation(
                        id(),
                        c,
                        config.masterHeadroomPeakDbfs(),
                        !m.over(config) && m.worst() > config.masterHeadroomPeakDbfs(),
                        () -> new Wording.Words(
                                RuleWording.masterLowHeadroom(c.strip(), m.worst(), config.masterHeadroomPeakDbfs()),
                                RuleWording.sumFixSuggestion(c.strip(), m.fix(), "to leave 3 to 6 dB of headroom"))));
    }
}
