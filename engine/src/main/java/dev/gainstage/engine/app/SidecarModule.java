package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleOverrides;

/**
 * The whole sidecar: installs its modules, each binding values only (no sockets, threads or files
 * are touched until {@link SidecarServer#start}). Tests swap one module's binding with
 * {@code Modules.override}: a fake clock, an in-process server.
 */
public final class SidecarModule extends AbstractModule {
    private final SidecarConfig config;
    private final RuleOverrides fileRules;

    /** @param fileRules the thresholds the --rules file sets; sessions' own overrides go on top */
    public SidecarModule(SidecarConfig config, RuleOverrides fileRules) {
        this.config = config;
        this.fileRules = fileRules;
    }

    /** With full thresholds (tests, embedders): those that differ from the defaults count as the file's. */
    public SidecarModule(SidecarConfig config, RuleConfig rules) {
        this(config, RuleOverrides.difference(RuleConfig.defaults(), rules));
    }

    @Override
    protected void configure() {
        install(new ConfigModule(config, fileRules));
        install(new SystemClockModule());
        install(new SecurityModule(config.security())); // first: its token check sees every call first
        install(new RulesModule());
        install(new SessionsModule());
        install(new TransportModule());
    }
}
