package dev.gainstage.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.StagingRuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesModuleTest {
    private static final Key<Set<StagingRule>> RULES = Key.get(new TypeLiteral<>() {});

    @Test
    void theInjectorHoldsTheStandardRulesInTheirOrder() {
        Set<StagingRule> bound = Guice.createInjector(new RulesModule()).getInstance(RULES);
        assertEquals(ids(StagingRuleSet.standard()), ids(List.copyOf(bound)));
    }

    @Test
    void theSidecarModuleInstallsThem() {
        Set<StagingRule> bound = Guice.createInjector(
                        new SidecarModule(SidecarConfig.loopback(0, Path.of("unused-store")), RuleConfig.defaults()))
                .getInstance(RULES);
        assertEquals(ids(StagingRuleSet.standard()), ids(List.copyOf(bound)));
    }

    private static List<String> ids(List<StagingRule> rules) {
        return rules.stream().map(r -> r.id().name()).toList();
    }
}
