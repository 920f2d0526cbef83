package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.MeterPool;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.store.DecisionStore;
import java.time.Clock;
import java.util.Set;

/** The sessions the sidecar holds, the threads that meter them, and where their decisions are kept. */
final class SessionsModule extends AbstractModule {
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
    MeterPool meterPool(SidecarConfig config) {
        return new MeterPool(config.meterThreadsOrCores()); // starts no thread until a large batch arrives
    }

    @Provides
    @Singleton
    DecisionPersistence decisionStore(SidecarConfig config, Clock clock) {
        return new DecisionStore(config.storeDir(), clock); // touches no file until used
    }
}
