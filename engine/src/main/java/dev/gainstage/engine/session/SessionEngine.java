package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.Checklist;
import dev.gainstage.engine.checklist.ChecklistEvaluator;
import dev.gainstage.engine.graph.GraphChange;
import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.GraphMirror;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.FixStep;
import dev.gainstage.engine.rules.LoudnessDeltas;
import dev.gainstage.engine.rules.Observation;
import dev.gainstage.engine.rules.RecentPeaks;
import dev.gainstage.engine.rules.RootCauses;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRule;
import dev.gainstage.engine.rules.StagingRules;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.rules.WarningTracker;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One DAW session in the sidecar: the mirrored graph, a meter per tap, the rules and their warnings,
 * the checklist, and what the user decided. An adapter stream feeds it; watchers read the
 * {@link SessionState} it publishes every 100 ms of session audio.
 *
 * <p>Threads: adapter-side calls are serialized by a lock, so a reconnecting adapter's new stream
 * cannot interleave with the old one's last messages. The meters themselves never lock; they are
 * only touched under that lock by one thread at a time. Panel-side calls change {@link Decisions}
 * atomically and read the published state.
 */
public final class SessionEngine {
    /** Rules are judged and the state published every this much session audio. */
    static final double TICK_SECONDS = 0.1;

    private static final int MAX_RECENT_EVENTS = 512;

    private final String sessionKey;
    private final RuleOverrides fileRules;
    /** Replaced, with the tracker's thresholds, under the adapter lock when the session's overrides change. */
    private StagingRules rules;

    private final WarningTracker tracker;
    private final MeterOptions meterOptions;
    private final MeterPool meterPool;
    private final ReentrantLock adapterLock = new ReentrantLock();
    private final GraphMirror mirror = new GraphMirror();
    private final Map<TapKey, Integer> handles = new HashMap<>();
    private final Map<Integer, TapMeter> metersByHandle = new HashMap<>();
    private final ArrayDeque<WarningEvent> recentEvents = new ArrayDeque<>();
    private final AtomicReference<Decisions> decisions;
    private final AtomicReference<SessionState> state;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> drops = new HashMap<>();
    /** 10 s windows of in/out loudness per plugin; judged once 3 s are in; 3 s skipped after a change. */
    private final LoudnessDeltas loudnessDeltas = new LoudnessDeltas(100, 30, 30);
    /** 10 s of output peaks per stage, for judging sources on their phrases; 3 s skipped after a change. */
    private final RecentPeaks recentPeaks = new RecentPeaks(100, 30);

    private final DecisionPersistence persistence;
    private final Object decisionLock = new Object();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    /** The attached adapter's notice, "" for none: written under adapterLock, read when publishing. */
    private volatile String adapterNotice = "";

    private float[][] scratch = new float[0][];
    private TapMeter[] meters = new TapMeter[0];
    private TapMeter[] metersIndexed = new TapMeter[0];
    private long batches;
    private int nextHandle = 1;
    private long eventSequence;
    private long version;
    private double audioSeconds;
    private double nextTickSeconds = TICK_SECONDS;
    private boolean rolling = true;
    private String sessionName;
    private volatile AdapterLink link;
    /** {@link System#nanoTime()} when the session last had or was promised an adapter. */
    private volatile long lastAttachedNanos = System.nanoTime();

    /**
     * @param fileRules thresholds the sidecar's --rules file sets; {@code initialDecisions}' rule
     *                  overrides go on top of them and must fit them
     * @param stagingRules the rules the session is judged by
     * @param meterPool where large batches of taps are metered
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
        this.sessionKey = Objects.requireNonNull(sessionKey);
        this.meterPool = Objects.requireNonNull(meterPool);
        this.sessionName = sessionKey;
        this.fileRules = fileRules;
        RuleConfig config = new RuleLayers(fileRules, initialDecisions.ruleOverrides()).effective();
        this.rules = new StagingRules(config, stagingRules);
        this.tracker = new WarningTracker(config);
        this.meterOptions = meterOptions;
        this.decisions = new AtomicReference<>(initialDecisions);
        this.persistence = persistence;
        if (notice != null && !notice.isEmpty()) {
            notices.add(notice);
        }
        this.state = new AtomicReference<>(SessionState.empty(sessionKey));
    }

    public String sessionKey() {
        return sessionKey;
    }

    /** An adapter is about to attach: the session is not idle, whatever happened before. */
    void claim() {
        lastAttachedNanos = System.nanoTime();
    }

    /** No adapter since {@code cutoffNanos} (a {@link System#nanoTime()} value) and nobody watching. */
    boolean idleSince(long cutoffNanos) {
        return link == null && lastAttachedNanos - cutoffNanos <= 0 && listeners.isEmpty();
    }

    public SessionState state() {
        return state.get();
    }

    public Decisions decisions() {
        return decisions.get();
    }

    /** Where the session's thresholds come from; {@code effective()} is what it is judged by. */
    public RuleLayers ruleLayers() {
        return new RuleLayers(fileRules, decisions.get().ruleOverrides());
    }

    /** Called (on the publishing thread) after each new state; must return quickly. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    // ---- adapter side -------------------------------------------------------------------------

    /** A new adapter stream takes the session over; the previous one, if any, is forgotten. */
    public void attach(AdapterLink newLink, String name) {
        adapterLock.lock();
        try {
            this.link = newLink;
            adapterNotice = "";
            if (name != null && !name.isBlank()) {
                this.sessionName = name;
            }
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    /** The stream of {@code oldLink} ended; only that stream can detach itself. */
    public void detach(AdapterLink oldLink) {
        adapterLock.lock();
        try {
            if (link == oldLink) {
                link = null;
                adapterNotice = ""; // it spoke of the adapter's side, which has gone
                lastAttachedNanos = System.nanoTime();
                publish();
            }
        } finally {
            adapterLock.unlock();
        }
    }

    public void onSnapshot(long sequence, List<Strip> strips) throws GraphException {
        adapterLock.lock();
        try {
            mirror.replace(sequence, strips);
            resubscribe();
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    public void onChange(long sequence, GraphChange change) throws GraphException {
        adapterLock.lock();
        try {
            mirror.apply(sequence, change);
            switch (change) {
                case GraphChange.GainChanged c -> restartWindows(c.stageId());
                case GraphChange.StageActiveChanged c -> restartWindows(c.stageId());
                default -> {}
            }
            resubscribe();
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    public long mirroredSequence() {
        return mirror.sequence();
    }

    /** The adapter's own notice (it replaces the one before; empty withdraws it), until the adapter detaches. */
    public void onAdapterNotice(String text) {
        adapterLock.lock();
        try {
            adapterNotice = text == null ? "" : text.strip();
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    public void onTransport(boolean isRolling) {
        adapterLock.lock();
        try {
            rolling = isRolling;
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    /** Totals of blocks the adapter dropped, per handle, since it attached. */
    public void onDrops(Map<Integer, Long> droppedByHandle) {
        adapterLock.lock();
        try {
            for (Map.Entry<Integer, Long> e : droppedByHandle.entrySet()) {
                TapMeter m = metersByHandle.get(e.getKey());
                if (m != null) {
                    m.droppedBlocks = e.getValue();
                }
            }
            drops.clear();
            for (TapMeter m : metersByHandle.values()) {
                if (m.droppedBlocks > 0) {
                    drops.merge(m.key.stageId(), m.droppedBlocks, Long::sum);
                }
            }
        } finally {
            adapterLock.unlock();
        }
    }

    /**
     * Meters a batch of tap blocks. The batch is checked and decoded whole before any meter sees it,
     * so a refused batch leaves every meter as it was.
     */
    public void onTaps(List<TapBlockData> blocks) throws TapBlockException {
        adapterLock.lock();
        try {
            if (!mirror.hasSnapshot() && metersByHandle.isEmpty()) {
                throw new TapBlockException("taps", "tap blocks arrived before a snapshot", false);
            }
            int count = blocks.size();
            ensureScratch(count);
            long batch = ++batches;
            boolean handlesUnique = true;
            long samples = 0;
            for (int i = 0; i < count; i++) {
                TapBlockData b = blocks.get(i);
                TapMeter m = meterFor(b.handle());
                if (m == null) {
                    String field = TapBlockDecoder.blockField(i);
                    throw new TapBlockException(
                            field + ".handle", field + ".handle " + b.handle() + " is not a subscribed tap", true);
                }
                TapBlockDecoder.checkHeader(b, i);
                int n = b.frames() * b.channels();
                if (scratch[i].length < n) {
                    scratch[i] = new float[Math.max(n, 2048)];
                }
                TapBlockDecoder.decode(b, scratch[i], i);
                meters[i] = m;
                handlesUnique &= m.claim(batch);
                samples += n;
            }
            // A batch may carry several periods of one tap; those must reach its meter in order, on one thread.
            MeterPool pool = handlesUnique ? meterPool : MeterPool.inline();
            float[][] decoded = scratch;
            TapMeter[] targets = meters;
            pool.forEach(count, samples, i -> {
                TapBlockData b = blocks.get(i);
                targets[i].feed(decoded[i], b.sampleRate(), b.channels(), b.frames());
            });
            double furthest = audioSeconds;
            for (int i = 0; i < count; i++) {
                furthest = Math.max(furthest, meters[i].seconds());
                meters[i] = null;
            }
            audioSeconds = furthest;
            if (audioSeconds >= nextTickSeconds) {
                tick();
                // Catch up in one step after a long block rather than ticking repeatedly on one reading.
                nextTickSeconds = Math.max(nextTickSeconds + TICK_SECONDS, audioSeconds);
            }
        } finally {
            adapterLock.unlock();
        }
    }

    private TapMeter meterFor(int handle) {
        return handle > 0 && handle < metersIndexed.length ? metersIndexed[handle] : null;
    }

    private void ensureScratch(int n) {
        if (scratch.length < n) {
            float[][] grown = new float[n][];
            System.arraycopy(scratch, 0, grown, 0, scratch.length);
            for (int i = scratch.length; i < n; i++) {
                grown[i] = new float[2048];
            }
            scratch = grown;
            meters = new TapMeter[n];
        }
    }

    /** Gives every tap of the graph a stable handle and tells the adapter; meters of taps gone are dropped. */
    private void resubscribe() {
        SessionGraph graph = mirror.graph();
        Map<Integer, TapKey> plan = new LinkedHashMap<>();
        for (TapKey key : graph.tapKeys()) {
            int handle = handles.computeIfAbsent(key, k -> nextHandle++);
            plan.put(handle, key);
            metersByHandle.computeIfAbsent(handle, h -> new TapMeter(key, meterOptions));
        }
        metersByHandle.keySet().retainAll(plan.keySet());
        // Handles are small and dense (1, 2, 3 ... never reused): an array finds a block's meter
        // without boxing its handle, which showed up under load.
        TapMeter[] indexed = new TapMeter[nextHandle];
        metersByHandle.forEach((h, m) -> indexed[h] = m);
        metersIndexed = indexed;
        java.util.Set<String> stageIds = graph.strips().stream()
                .flatMap(s -> s.stages().stream())
                .map(Stage::id)
                .collect(java.util.stream.Collectors.toSet());
        loudnessDeltas.retainOnly(stageIds);
        recentPeaks.retainOnly(stageIds);
        AdapterLink current = link;
        if (current != null) {
            current.requestTaps(plan);
        }
    }

    /** Current tap plan (handle to tap), for an adapter that (re)attaches. */
    public Map<Integer, TapKey> tapPlan() {
        adapterLock.lock();
        try {
            Map<Integer, TapKey> plan = new LinkedHashMap<>();
            metersByHandle.forEach((h, m) -> plan.put(h, m.key));
            return plan;
        } finally {
            adapterLock.unlock();
        }
    }

    private void tick() {
        Map<TapKey, MeterReading> readings = currentReadings();
        SessionGraph graph = mirror.graph();
        if (rolling) {
            observeLoudness(graph, readings);
            List<Observation> observations =
                    rules.evaluate(graph, readings::get, decisions.get().intentional(), loudnessDeltas, recentPeaks);
            for (Warning event : tracker.update(audioSeconds, graph, observations)) {
                recentEvents.addLast(new WarningEvent(++eventSequence, event));
                if (recentEvents.size() > MAX_RECENT_EVENTS) {
                    recentEvents.removeFirst();
                }
            }
        }
        publish(readings);
    }

    private void observeLoudness(SessionGraph graph, Map<TapKey, MeterReading> readings) {
        for (Strip strip : graph.strips()) {
            for (Stage stage : strip.stages()) {
                MeterReading output = readings.get(new TapKey(stage.id(), TapPoint.OUTPUT));
                if (output != null) {
                    recentPeaks.observe(stage.id(), output.samplePeakDbfs());
                }
                if (stage.kind() != StageKind.PLUGIN) {
                    continue;
                }
                MeterReading in = readings.get(new TapKey(stage.id(), TapPoint.INPUT));
                MeterReading out = readings.get(new TapKey(stage.id(), TapPoint.OUTPUT));
                if (in != null
                        && out != null
                        && MeterReading.has(in.shortTermLufs())
                        && MeterReading.has(out.shortTermLufs())) {
                    loudnessDeltas.observe(stage.id(), in.shortTermLufs(), out.shortTermLufs());
                }
            }
        }
    }

    private Map<TapKey, MeterReading> currentReadings() {
        Map<TapKey, MeterReading> readings = new HashMap<>();
        for (TapMeter m : metersByHandle.values()) {
            if (m.measured()) {
                readings.put(m.key, m.meter().reading());
            }
        }
        return readings;
    }

    private void publish() {
        publish(state.get().readings());
    }

    private List<String> allNotices() {
        String adapter = adapterNotice;
        if (adapter.isEmpty()) {
            return List.copyOf(notices);
        }
        List<String> all = new ArrayList<>(notices);
        all.add(adapter);
        return all;
    }

    private void publish(Map<TapKey, MeterReading> readings) {
        Decisions d = decisions.get();
        SessionGraph graph = mirror.graph();
        List<Warning> warnings = new ArrayList<>();
        for (Warning w : RootCauses.link(graph, tracker.active())) {
            String reason = d.warningAcks().get(w.id());
            warnings.add(reason == null ? w : w.withAcknowledgement(true, reason));
        }
        Checklist checklist = ChecklistEvaluator.evaluate(graph, readings::get, warnings, d.itemAcks());
        AdapterLink current = link;
        state.set(new SessionState(
                sessionKey,
                sessionName,
                ++version,
                audioSeconds,
                current != null,
                current == null ? "" : current.adapterName(),
                rolling,
                graph,
                readings,
                warnings,
                new ArrayList<>(recentEvents),
                checklist,
                drops,
                d.intentional(),
                allNotices()));
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** A stage changed (a fix was applied to it): judge it on audio from now on only. */
    private void stageChanged(String stageId) {
        adapterLock.lock();
        try {
            restartWindows(stageId);
        } finally {
            adapterLock.unlock();
        }
    }

    private void restartWindows(String stageId) {
        loudnessDeltas.restart(stageId);
        recentPeaks.restart(stageId);
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
        synchronized (decisionLock) {
            Decisions next = change.apply(decisions.get());
            new RuleLayers(fileRules, next.ruleOverrides()).effective(); // refuses before anything is saved
            persistence.save(sessionKey, next);
            decisions.set(next);
        }
        adapterLock.lock();
        try {
            // From the latest decisions, not this call's: a concurrent update may have saved newer ones.
            RuleConfig config = ruleLayers().effective();
            if (!config.equals(rules.config())) {
                rules = rules.withConfig(config);
                tracker.reconfigure(config);
            }
            publish();
        } finally {
            adapterLock.unlock();
        }
    }

    /** Asks the adapter to apply a warning's suggested fix. */
    public CompletableFuture<FixOutcome> applyFix(String warningId) {
        Warning w = state.get().warnings().stream()
                .filter(x -> x.id().equals(warningId))
                .findFirst()
                .orElse(null);
        if (w == null) {
            return CompletableFuture.completedFuture(FixOutcome.refused("no active warning '" + warningId + "'"));
        }
        if (w.clearing()) {
            return CompletableFuture.completedFuture(FixOutcome.refused("warning '" + warningId
                    + "' no longer holds (already fixed?); it clears after the hysteresis time"));
        }
        if (!w.fixable()) {
            return CompletableFuture.completedFuture(FixOutcome.refused(
                    "warning '" + warningId + "' has no gain change that fixes it: " + w.suggestion()));
        }
        AdapterLink current = link;
        if (current == null) {
            return CompletableFuture.completedFuture(
                    FixOutcome.refused("no adapter is connected to session '" + sessionKey + "'"));
        }
        if (!current.canApplyFixes()) {
            return CompletableFuture.completedFuture(
                    FixOutcome.refused("adapter '" + current.adapterName() + "' cannot apply fixes"));
        }
        List<CompletableFuture<FixOutcome>> steps = new ArrayList<>();
        for (FixStep step : w.fix()) {
            steps.add(current.requestFix(step.stageId(), step.changeDb()).thenApply(outcome -> {
                if (outcome.applied()) {
                    stageChanged(step.stageId());
                }
                return outcome;
            }));
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<FixOutcome> outcomes =
                    steps.stream().map(CompletableFuture::join).toList();
            boolean all = outcomes.stream().allMatch(FixOutcome::applied);
            String message = outcomes.stream()
                    .map(FixOutcome::message)
                    .filter(m -> !m.isBlank())
                    .collect(java.util.stream.Collectors.joining("; "));
            return new FixOutcome(all, message);
        });
    }
}
