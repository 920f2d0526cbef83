package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;

/** What the command line said: where the sidecar listens and keeps decisions, and the --rules file's thresholds. */
final class ConfigModule extends AbstractModule {
    private final SidecarConfig config;
    private final RuleOverrides fileRules;

    ConfigModule(SidecarConfig config, RuleOverrides fileRules) {
        this.config = config;
        this.fileRules = fileRules;
    }

    @Override
    protected void configure() {
        bind(SidecarConfig.class).toInstance(config);
        bind(RuleOverrides.class).toInstance(fileRules);
        bind(MeterOptions.class).toInstance(MeterOptions.defaults());
    }
}
