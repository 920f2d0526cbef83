package dev.gainstage.engine.rules;

import java.util.Optional;

/** MASTER_OVER_0DBFS: the mix clips at the master (sample or true peak) and will distort when exported. */
public final class MasterOver0dBfsRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.MASTER_OVER_0DBFS;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        RuleConfig config = c.config();
        return MasterLevels.of(c)
                .map(m -> m.observation(
                        id(),
                        c,
                        config.masterPeakDbfs(),
                        m.over(config),
                        () -> new Wording.Words(
                                RuleWording.masterOver0dBfs(c.strip(), m.peak(), m.truePeak()),
                                RuleWording.sumFixSuggestion(c.strip(), m.fix(), "to leave headroom"))));
    }
}
