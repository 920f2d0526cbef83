package dev.gainstage.engine.session;

import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What the user decided for one session, kept in {@link DecisionPersistence}. A decision takes
 * effect only once saved: if saving fails, the session keeps its previous decisions and the caller
 * hears why. Updates are serialized among themselves; reads are lock-free.
 */
final class SessionDecisions {
    private final String sessionKey;
    private final RuleOverrides fileRules;
    private final DecisionPersistence persistence;
    private final AtomicReference<Decisions> current;
    private final Object saving = new Object();

    /** @param fileRules the --rules file's thresholds, under the session's own overrides */
    SessionDecisions(String sessionKey, RuleOverrides fileRules, Decisions initial, DecisionPersistence persistence) {
        this.sessionKey = sessionKey;
        this.fileRules = fileRules;
        this.persistence = persistence;
        this.current = new AtomicReference<>(initial);
    }

    Decisions current() {
        return current.get();
    }

    /** Where the session's thresholds come from; {@code effective()} is what it is judged by. */
    RuleLayers ruleLayers() {
        return new RuleLayers(fileRules, current.get().ruleOverrides());
    }

    /**
     * Saves, then applies, the changed decisions.
     *
     * @throws IllegalArgumentException naming the threshold when the rule overrides make no sense;
     *                                  nothing is saved or changed then
     */
    void update(UnaryOperator<Decisions> change) throws IOException {
        synchronized (saving) {
            Decisions next = change.apply(current.get());
            new RuleLayers(fileRules, next.ruleOverrides()).effective(); // refuses before anything is saved
            persistence.save(sessionKey, next);
            current.set(next);
        }
    }
}
