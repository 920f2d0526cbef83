package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.MeterPool;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.store.DecisionStore;
import dev.gainstage.engine.transport.ViewPump;
import io.grpc.ServerInterceptor;
import java.time.Clock;
import java.util.Set;

/** Wires the sidecar. Binds values only: no sockets, threads or files are touched here. */
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
        bind(SidecarConfig.class).toInstance(config);
        bind(RuleOverrides.class).toInstance(fileRules);
        bind(MeterOptions.class).toInstance(MeterOptions.defaults());
        install(new RulesModule());
        bind(ViewPump.class).in(Singleton.class);
        bind(SidecarServer.class).in(Singleton.class);
        // Empty here; other modules (auth, tests that slow the sidecar down) add to it.
        Multibinder.newSetBinder(binder(), ServerInterceptor.class);
    }

    @Provides
    @Singleton
    SessionRegistry sessionRegistry(
            RuleOverrides rules,
            MeterOptions meterOptions,
            DecisionPersistence store,
            MeterPool meterPool,
            Set<StagingRule> stagingRules) {
        return new SessionRegistry(rules, meterOptions, store, meterPool, stagingRules);
    }

    @Provides
    @Singleton
    MeterPool meterPool(SidecarConfig sidecarConfig) {
        return new MeterPool(sidecarConfig.meterThreadsOrCores()); // starts no thread until a large batch arrives
    }

    @Provides
    @Singleton
    DecisionPersistence decisionStore(SidecarConfig sidecarConfig) {
        return new DecisionStore(sidecarConfig.storeDir(), Clock.systemUTC()); // touches no file until used
    }
}
