package dev.gainstage.engine.rules;

import java.util.Optional;

/**
 * One staging rule of docs/rules.md. {@link StagingRules} asks every rule about every stage of the
 * graph; a rule answers for the stages it judges and stays silent on the others. Implementations are
 * stateless (the thresholds come with the context), so one instance serves every session; their
 * words come from {@link RuleWording}. The standard set is {@link StagingRuleSet#standard()}.
 */
public interface StagingRule {
    /** The rule's id: the warnings it raises carry it, and the set holds one rule per id. */
    Rule id();

    /**
     * The rule measured on the context's stage, whether or not it is broken (the tracker needs the
     * value below threshold too); empty when the rule does not judge this stage or has no verdict yet.
     * Its words are written only when asked for ({@link Observed#worded}): most observations become no warning.
     */
    Optional<Observed> evaluate(StageContext context);
}
