package dev.gainstage.engine.rules;

import java.util.List;

/**
 * The one registry of staging rules. The sidecar's injector binds exactly this list (its rules
 * module adds each to a multibinder); the file tools and tests, which have no injector, use it
 * directly, so the two cannot differ. Adding a rule: write its class, add one line here.
 */
public final class StagingRuleSet {
    private StagingRuleSet() {}

    /**
     * Every rule of docs/rules.md, in the order their observations are listed for a stage (a
     * source's clipping before its level, a master's over before its headroom).
     */
    public static List<StagingRule> standard() {
        return List.of(
                new SourceClippingRule(),
                new SourceTooHotRule(),
                new SourceTooQuietRule(),
                new SourceNoisyRule(),
                new PluginInputOverdriveRule(),
                new PluginOutputHotRule(),
                new PluginGainMismatchRule(),
                new FaderExtremeRule(),
                new BusOverloadRule(),
                new MasterOver0dBfsRule(),
                new MasterLowHeadroomRule());
    }
}
