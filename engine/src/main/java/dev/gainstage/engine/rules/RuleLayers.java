package dev.gainstage.engine.rules;

/**
 * A session's thresholds in layers, lowest first: the defaults, the sidecar's --rules file, the
 * session's own overrides. A layer's threshold wins over the layers below it.
 */
public record RuleLayers(RuleOverrides file, RuleOverrides session) {
    /**
     * The thresholds the session is judged by.
     *
     * @throws IllegalArgumentException naming the threshold when the layers together make no sense
     */
    public RuleConfig effective() {
        return RuleConfig.defaults().with(file.merge(session).values());
    }

    public RuleLayers withSession(RuleOverrides overrides) {
        return new RuleLayers(file, overrides);
    }
}
