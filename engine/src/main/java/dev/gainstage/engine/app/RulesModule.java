package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.StagingRuleSet;

/**
 * Registers the staging rules: every rule of {@link StagingRuleSet#standard()} joins the
 * {@code Set<StagingRule>} multibinder, in that list's order (the set keeps the binding order). The
 * list is the one registry, shared with the file tools, which have no injector; another module may
 * add a rule of its own to the same multibinder.
 */
public final class RulesModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<StagingRule> rules = Multibinder.newSetBinder(binder(), StagingRule.class);
        for (StagingRule rule : StagingRuleSet.standard()) {
            rules.addBinding().toInstance(rule);
        }
    }
}
