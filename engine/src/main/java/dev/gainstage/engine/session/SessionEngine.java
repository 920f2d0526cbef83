package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.GraphChange;
import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.GraphMirror;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.history.HistoryLimits;
import dev.gainstage.engine.history.HistorySlice;
import dev.gainstage.engine.metering.ChannelLevel;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.Warning;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One DAW session in the sidecar. An adapter stream feeds it; watchers read the {@link SessionState}
 * it publishes every {@link SessionClock#TICK_SECONDS} of session audio. It is a façade over parts
 * with one job each: the {@link GraphMirror}, the {@link TapPlan} (a handle and a meter per tap),
 * {@link BatchMetering}, the {@link SessionClock}, the {@link Judge} (windows, rules, warnings,
 * checklist), the {@link Publisher}, the user's {@link SessionDecisions} and the undoable
 * {@link DecisionActions} on them, the {@link MasterSection}, the level-matched {@link Comparisons}, and
 * the {@link SessionTimeline} (the transport and the history). Over 300 lines because it is the one
 * place every adapter-side call takes the lock; each method only hands over to a part.
 *
 * <p>Threads: adapter-side calls are serialized by a lock, so a reconnecting adapter's new stream
 * cannot interleave with the old one's last messages; every part but the decisions is touched only
 * under it. The meters themselves never lock. Panel-side calls change the decisions atomically and
 * read the published state.
 */
public final class SessionEngine {
    private final String sessionKey;
    private final ReentrantLock adapterLock = new ReentrantLock();
    private final GraphMirror mirror = new GraphMirror();
    private final TapPlan taps;
    private final BatchMetering metering;
    private final SessionClock clock = new SessionClock();
    private final SessionTimeline timeline = new SessionTimeline(HistoryLimits.DEFAULT);
    private final Judge judge;
    private final Publisher publisher;
    private final SessionDecisions decisions;
    private final MasterSection master = new MasterSection();
    private final Comparisons compares;
    private final DecisionActions actions;

    private boolean rolling = true;
    private String sessionName;
    private volatile AdapterLink link;
    private final Ticker ticker;
    /** The {@link Ticker}'s time when the session last had or was promised an adapter. */
    private volatile long lastAttachedNanos;
    /** The {@link Ticker}'s time when the last tap batch arrived (meaningful once the session has heard audio). */
    private volatile long lastTapsNanos;

    /**
     * @param fileRules thresholds the sidecar's --rules file sets; {@code initialDecisions}' rule
     *                  overrides go on top of them and must fit them
     * @param stagingRules the rules the session is judged by
     * @param meterPool where large batches of taps are metered
     * @param notice    a problem to show from the start (e.g. saved decisions that could not be read), or empty
     */
    public SessionEngine(
            String sessionKey,
            RuleOverrides fileRules,
            List<StagingRule> stagingRules,
            MeterOptions meterOptions,
            MeterPool meterPool,
            Decisions initialDecisions,
            DecisionPersistence persistence,
            String notice) {
        this(
                sessionKey,
                fileRules,
                stagingRules,
                meterOptions,
                meterPool,
                initialDecisions,
                persistence,
                notice,
                Ticker.SYSTEM);
    }

    /** As above, timing how long it has been without an adapter by {@code ticker}. */
    public SessionEngine(
            String sessionKey,
            RuleOverrides fileRules,
            List<StagingRule> stagingRules,
            MeterOptions meterOptions,
            MeterPool meterPool,
            Decisions initialDecisions,
            DecisionPersistence persistence,
            String notice,
            Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker);
        this.lastAttachedNanos = ticker.nanos();
        this.lastTapsNanos = lastAttachedNanos;
        this.sessionKey = Objects.requireNonNull(sessionKey);
        this.sessionName = sessionKey;
        this.taps = new TapPlan(meterOptions);
        this.metering = new BatchMetering(Objects.requireNonNull(meterPool));
        this.decisions = new SessionDecisions(sessionKey, fileRules, initialDecisions, persistence);
        this.judge = new Judge(decisions.ruleLayers().effective(), stagingRules);
        this.publisher = new Publisher(sessionKey, notice);
        this.compares = new Comparisons(sessionKey, () -> underLock(this::publish));
        this.actions = new DecisionActions(
                sessionKey,
                publisher::state,
                decisions::current,
                this::updateDecisions,
                new FixRequests(sessionKey, this::stageChanged),
                () -> link);
    }

    public String sessionKey() {
        return sessionKey;
    }

    /** An adapter is about to attach: the session is not idle, whatever happened before. */
    void claim() {
        lastAttachedNanos = ticker.nanos();
    }

    /** No adapter since {@code cutoffNanos} (a {@link Ticker} time) and nobody watching. */
    boolean idleSince(long cutoffNanos) {
        return link == null && lastAttachedNanos - cutoffNanos <= 0 && !publisher.watched();
    }

    public SessionState state() {
        return publisher.state();
    }

    /**
     * Seconds (by the {@link Ticker}, as the session's idleness is timed: audio time stops when the audio does) since
     * the last tap batch arrived; empty while the session has heard no audio. Tells a watcher that the DAW went
     * silent even while its stream stays open (a hung adapter sends nothing, and nothing is published then).
     */
    public OptionalDouble tapSilenceSeconds() {
        if (publisher.state().audioSeconds() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, ticker.nanos() - lastTapsNanos) / 1e9);
    }

    public Decisions decisions() {
        return decisions.current();
    }

    /** Where the session's thresholds come from; {@code effective()} is what it is judged by. */
    public RuleLayers ruleLayers() {
        return decisions.ruleLayers();
    }

    /** Called (on the publishing thread) after each new state; must return quickly. */
    public void addListener(Runnable listener) {
        publisher.addListener(listener);
    }

    /** The last watcher gone ends a comparison: nobody is left to end it, and the plugin must not stay bypassed. */
    public void removeListener(Runnable listener) {
        publisher.removeListener(listener);
        if (!publisher.watched() && compares.current().isPresent()) {
            compares.end(link);
        }
    }

    // ---- adapter side -------------------------------------------------------------------------

    /** A new adapter stream takes the session over; the previous one, if any, is forgotten. */
    public void attach(AdapterLink newLink, String name) {
        underLock(() -> {
            link = newLink;
            compares.adapterGone(); // a comparison of the previous stream was ended by that adapter
            publisher.adapterNotice("");
            clock.reanchor(); // its blocks count from its own start
            timeline.reset();
            if (name != null && !name.isBlank()) {
                sessionName = name;
            }
            publish();
        });
    }

    /** The stream of {@code oldLink} ended; only that stream can detach itself. */
    public void detach(AdapterLink oldLink) {
        underLock(() -> {
            if (link == oldLink) {
                link = null;
                compares.adapterGone(); // the adapter puts the plugin back itself when its stream ends
                publisher.adapterNotice(""); // it spoke of the adapter's side, which has gone
                lastAttachedNanos = ticker.nanos();
                publish();
            }
        });
    }

    public void onSnapshot(long sequence, List<Strip> strips) throws GraphException {
        underLock(() -> {
            mirror.replace(sequence, strips);
            resubscribe();
            publish();
        });
    }

    public void onChange(long sequence, GraphChange change) throws GraphException {
        underLock(() -> {
            mirror.apply(sequence, change);
            switch (change) {
                case GraphChange.GainChanged c -> judge.restartWindows(c.stageId());
                case GraphChange.StageActiveChanged c -> judge.restartWindows(c.stageId());
                default -> {}
            }
            resubscribe();
            publish();
        });
    }

    /** The adapter's own notice (it replaces the one before; empty withdraws it), until the adapter detaches. */
    public void onAdapterNotice(String text) {
        underLock(() -> {
            publisher.adapterNotice(text == null ? "" : text.strip());
            publish();
        });
    }

    public void onTransport(boolean isRolling) {
        underLock(() -> {
            timeline.rolling(isRolling, clock);
            rolling = isRolling;
            publish();
        });
    }

    /**
     * The transport rolls or not, and was at {@code transportSamples} (at {@code sampleRate}) when the
     * tap stream was at {@code streamPosition}.
     *
     * @throws IllegalArgumentException naming the problem (a sample rate out of range); nothing changes then
     */
    public void onTransport(boolean isRolling, long transportSamples, int sampleRate, long streamPosition) {
        underLock(() -> {
            timeline.anchor(isRolling, transportSamples, sampleRate, streamPosition);
            rolling = isRolling;
            publish();
        });
    }

    /** Totals of blocks the adapter dropped, per handle, since it attached. */
    public void onDrops(Map<Integer, Long> droppedByHandle) {
        underLock(() -> taps.dropped(droppedByHandle));
    }

    /**
     * Meters a batch of tap blocks. The batch is checked and decoded whole before any meter sees it,
     * so a refused batch leaves every meter as it was.
     */
    public void onTaps(List<TapBlockData> blocks) throws TapBlockException {
        lastTapsNanos = ticker.nanos();
        underLock(() -> {
            if (!mirror.hasSnapshot() && taps.isEmpty()) {
                throw new TapBlockException("taps", "tap blocks arrived before a snapshot", false);
            }
            if (metering.meter(blocks, taps, clock)) {
                tick();
            }
        });
    }

    /** Gives every tap of the graph a stable handle and tells the adapter. */
    private void resubscribe() {
        Map<Integer, TapKey> plan = taps.follow(mirror.graph());
        judge.follow(mirror.graph());
        timeline.follow(mirror.graph());
        AdapterLink current = link;
        if (current != null) {
            current.requestTaps(plan);
        }
    }

    private void tick() {
        Map<TapKey, MeterReading> readings = taps.readings();
        master.observe(clock.seconds(), mirror.graph(), readings);
        if (rolling) {
            List<Warning> events = judge.tick(
                    clock.seconds(),
                    mirror.graph(),
                    readings,
                    decisions.current().intentional());
            timeline.tick(clock, readings, events);
        }
        publish(readings, taps.channelLevels());
    }

    /** Publishes with the readings of the last tick. */
    private void publish() {
        publish(publisher.state().readings(), publisher.state().channelLevels());
    }

    private void publish(Map<TapKey, MeterReading> readings, Map<TapKey, List<ChannelLevel>> channelLevels) {
        Decisions d = decisions.current();
        publisher.publish(
                new Publisher.Adapter(sessionName, link, rolling),
                clock.seconds(),
                mirror.graph(),
                readings,
                judge.verdict(mirror.graph(), readings, d),
                taps.drops(),
                d,
                channelLevels,
                master.view(mirror.graph(), readings, d.deliveryTarget(), clock.seconds()),
                compares.current());
    }

    /** A stage changed (a fix was applied to it): judge it on audio from now on only. */
    private void stageChanged(String stageId) {
        underLock(() -> judge.restartWindows(stageId));
    }

    /** An adapter-side action, which may refuse with a checked exception. */
    private interface Locked<E extends Exception> {
        void run() throws E;
    }

    private <E extends Exception> void underLock(Locked<E> action) throws E {
        adapterLock.lock();
        try {
            action.run();
        } finally {
            adapterLock.unlock();
        }
    }

    // ---- panel side ---------------------------------------------------------------------------

    /**
     * Applies and saves a decision. It takes effect only once saved: if saving fails, the session
     * keeps its previous decisions and the caller hears why. Changed rule overrides are judged by
     * from the next tick.
     *
     * @throws IllegalArgumentException naming the threshold when the rule overrides make no sense;
     *                                  nothing is saved or changed then
     */
    public void updateDecisions(UnaryOperator<Decisions> change) throws IOException {
        decisions.update(change);
        // From the latest decisions, not this call's: a concurrent update may have saved newer ones.
        underLock(() -> {
            judge.reconfigure(decisions.ruleLayers().effective());
            publish();
        });
    }

    /**
     * Restarts the measurement of the master's programme: integrated loudness, loudness range, the peak maxima and the
     * loudness history start again from the next audio (the running windows go on).
     *
     * @throws IllegalStateException when the session has no master, or it has had no audio yet
     */
    public void restartMasterLoudness() {
        underLock(() -> {
            TapMeter meter =
                    MasterSection.tap(mirror.graph()).map(taps::meterFor).orElse(null);
            if (meter == null || !meter.measured()) {
                throw new IllegalStateException("the session's master has no audio measured yet");
            }
            meter.meter().restartProgramme();
            master.restart(clock.seconds());
            publish(taps.readings(), taps.channelLevels());
        });
    }

    /**
     * The session's history between transport seconds {@code from} and {@code to}, for {@code stageIds}
     * (null: all); see {@link dev.gainstage.engine.history.SessionHistory#query}.
     *
     * @throws IllegalArgumentException for an empty range
     */
    public HistorySlice history(Collection<String> stageIds, double from, double to) {
        adapterLock.lock();
        try {
            return timeline.query(stageIds, from, to);
        } finally {
            adapterLock.unlock();
        }
    }

    /** Asks the adapter to move the DAW's playhead; refused at once when no adapter is attached. */
    public CompletableFuture<LocateOutcome> locate(double seconds, boolean roll) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("locate position " + seconds + " s is not a time on the timeline");
        }
        AdapterLink current = link;
        if (current == null) {
            return CompletableFuture.completedFuture(LocateOutcome.refused("no DAW is attached to the session"));
        }
        return current.requestLocate(seconds, roll);
    }

    /**
     * Starts a level-matched A/B of a plugin on side B (bypassed, matched by its measured loudness change); see
     * {@link Comparisons}.
     */
    public CompletableFuture<CompareOutcome> startCompare(String stageId) {
        SessionGraph graph;
        double deltaDb;
        adapterLock.lock();
        try {
            graph = mirror.graph();
            deltaDb = judge.loudnessDelta(stageId);
        } finally {
            adapterLock.unlock();
        }
        return compares.start(graph, stageId, deltaDb, link);
    }

    public CompletableFuture<CompareOutcome> switchCompare(CompareSide side) {
        return compares.switchTo(side, link);
    }

    /** Ends the comparison: the adapter leaves the plugin exactly as it was before it started. */
    public CompletableFuture<CompareOutcome> endCompare() {
        return compares.end(link);
    }

    /** The user's undoable decisions about the session (acknowledge, intentional, fix, undo, clear). */
    public DecisionActions actions() {
        return actions;
    }
}
