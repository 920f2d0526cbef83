package dev.gainstage.engine.session;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.StagingRuleSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** The sessions the sidecar knows, by session key; a session outlives its adapter's connection. */
public final class SessionRegistry {
    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());
    private final ConcurrentHashMap<String, SessionEngine> sessions = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<SessionEngine>> attachListeners = new CopyOnWriteArrayList<>();
    private final RuleOverrides fileRules;
    private final MeterOptions meterOptions;
    private final DecisionPersistence persistence;
    private final MeterPool meterPool;
    private final List<StagingRule> stagingRules;
    private volatile String latestKey = "";

    /** @param fileRules thresholds the sidecar's --rules file sets, under every session's own overrides */
    public SessionRegistry(RuleOverrides fileRules, MeterOptions meterOptions, DecisionPersistence persistence) {
        this(fileRules, meterOptions, persistence, MeterPool.inline(), StagingRuleSet.standard());
    }

    /**
     * As above, metering large batches of every session on {@code meterPool}'s threads, and judging
     * every session by {@code stagingRules} (the injector's rule set).
     */
    public SessionRegistry(
            RuleOverrides fileRules,
            MeterOptions meterOptions,
            DecisionPersistence persistence,
            MeterPool meterPool,
            Collection<StagingRule> stagingRules) {
        this.fileRules = fileRules;
        this.stagingRules = List.copyOf(stagingRules);
        this.meterPool = meterPool;
        this.meterOptions = meterOptions;
        this.persistence = persistence;
    }

    /** The session for a key, created on first use; it becomes the "latest" one watchers follow by default. */
    public SessionEngine open(String key) {
        // Claimed inside the map's lock for the key, so forgetIdle cannot take it between here and attach.
        SessionEngine engine = sessions.computeIfPresent(key, (k, e) -> {
            e.claim();
            return e;
        });
        if (engine == null) {
            // Its saved decisions are read outside the map's lock, which would hold up every key of
            // the bin while the disk answers. Two first opens of one key both read; one session wins.
            SessionEngine created = create(key);
            engine = sessions.compute(key, (k, e) -> {
                SessionEngine s = e == null ? created : e;
                s.claim();
                return s;
            });
        }
        latestKey = key;
        for (Consumer<SessionEngine> l : attachListeners) {
            l.accept(engine);
        }
        return engine;
    }

    private SessionEngine create(String key) {
        DecisionPersistence.Loaded loaded;
        try {
            loaded = persistence.load(key);
        } catch (IOException e) {
            loaded = new DecisionPersistence.Loaded(
                    Decisions.NONE,
                    "cannot read the saved decisions for this session (" + e.getMessage()
                            + "); new decisions will not be saved until that is fixed");
        }
        loaded = fitRules(loaded);
        if (!loaded.problem().isEmpty()) {
            LOG.warning("session '" + key + "': " + loaded.problem());
        }
        return new SessionEngine(
                key,
                fileRules,
                stagingRules,
                meterOptions,
                meterPool,
                loaded.decisions(),
                persistence,
                loaded.problem());
    }

    /**
     * Saved overrides that no longer fit the --rules file (it changed since) are left out, and the
     * user is told which and why, rather than the session refusing to open.
     */
    private DecisionPersistence.Loaded fitRules(DecisionPersistence.Loaded loaded) {
        RuleOverrides saved = loaded.decisions().ruleOverrides();
        try {
            new RuleLayers(fileRules, saved).effective();
            return loaded;
        } catch (IllegalArgumentException e) {
            String problem = "the session's saved rule overrides " + saved + " do not fit the --rules file ("
                    + e.getMessage() + "), so they are not applied; set them again with 'gainstage rules'";
            return new DecisionPersistence.Loaded(
                    loaded.decisions().withRuleOverrides(RuleOverrides.NONE),
                    loaded.problem().isEmpty() ? problem : loaded.problem() + "; " + problem);
        }
    }

    /**
     * Forgets the sessions that have had no adapter for {@code idleNanos} and that nobody watches:
     * their meters and warnings are hundreds of kB per tap, and a sidecar running for days sees many
     * sessions come and go. What the user decided is in the store; a session opened again starts from it.
     *
     * @return the keys forgotten
     */
    public List<String> forgetIdle(long nowNanos, long idleNanos) {
        List<String> forgotten = new ArrayList<>();
        for (String key : sessions.keySet()) {
            sessions.computeIfPresent(key, (k, e) -> {
                if (e.idleSince(nowNanos - idleNanos)) {
                    forgotten.add(k);
                    return null;
                }
                return e;
            });
        }
        if (!forgotten.isEmpty()) {
            LOG.info(() ->
                    "forgot idle sessions (no adapter for " + idleNanos / 60_000_000_000L + " min): " + forgotten);
        }
        return forgotten;
    }

    /** Every session held now, the one watchers follow by default (the latest opened) first. */
    public List<SessionEngine> all() {
        List<SessionEngine> all = new ArrayList<>(sessions.values());
        String latest = latestKey;
        all.sort(Comparator.comparing((SessionEngine e) -> !e.sessionKey().equals(latest))
                .thenComparing(SessionEngine::sessionKey));
        return all;
    }

    public Optional<SessionEngine> find(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    /** The named session, or the most recently opened one for an empty key. */
    public Optional<SessionEngine> resolve(String key) {
        return key == null || key.isEmpty() ? find(latestKey) : find(key);
    }

    /** Told about every session opened from now on (watchers waiting for the first session use it). */
    public void onOpen(Consumer<SessionEngine> listener) {
        attachListeners.add(listener);
    }

    public void removeOnOpen(Consumer<SessionEngine> listener) {
        attachListeners.remove(listener);
    }
}
