package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.Strip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns observations into warnings with hysteresis so the panel never flickers: a warning is raised
 * once its rule has been broken for {@code raiseAfterSeconds}, and cleared only after the measurement
 * has stayed clear of the threshold by the observation's margin for {@code clearAfterSeconds}. Times are
 * session audio time, so a session rendered faster than real time behaves the same.
 *
 * <p>A stage without signal keeps its warnings as they are (silence proves nothing); a stage that
 * left the graph takes its warnings with it at once, and so does a stage (or strip) the user marked
 * intentional saturation, for the rules that mark silences: the user said it is meant, so it is no
 * longer a warning, on the very next update (the rules no longer observe it, so it would otherwise
 * stay). Unmarked, it comes back as any warning does, once its rule has been broken long enough.
 * Not thread-safe: the session's thread owns it.
 */
public final class WarningTracker {
    /** An UPDATED event is sent when the measurement moved this much since the last event. */
    private static final double UPDATE_STEP_DB = 0.5;

    private static final int RULES = Rule.values().length;

    private RuleConfig config;
    /**
     * The tracks per stage id, one per rule (by its ordinal): the ids are the graph's own strings, so finding a track
     * hashes no new string. Keyed by warning id, every observation of every tick built and hashed its id afresh.
     */
    private final Map<String, Track[]> tracks = new HashMap<>();
    /** Counts the updates: a track observed in this one carries its number (no set of ids built per tick). */
    private long round;

    private static final class Track {
        final String id;
        long observedIn;
        double pendingSince = Double.NaN;
        double clearSince = Double.NaN;
        Warning raised; // null while not raised
        double lastEventMeasured;

        Track(String id) {
            this.id = id;
        }
    }

    public WarningTracker(RuleConfig config) {
        this.config = config;
    }

    /**
     * Judges by new thresholds from the next update on. The tracks stay: a warning that no longer
     * holds under them goes through the usual clearing, and a pending one keeps its start time.
     */
    public void reconfigure(RuleConfig next) {
        this.config = next;
    }

    /**
     * Folds one round of observations in at audio time {@code now}; returns the events it caused
     * (RAISED, UPDATED, CLEARED), in a stable order.
     */
    public List<Warning> update(double now, SessionGraph graph, List<? extends Observed> observations) {
        return update(now, graph, observations, Set.of());
    }

    /**
     * As {@link #update(double, SessionGraph, List)}, with {@code intentional} the ids of the stages and
     * strips marked intentional saturation: their warnings of rules it mutes clear now.
     */
    public List<Warning> update(
            double now, SessionGraph graph, List<? extends Observed> observations, Set<String> intentional) {
        List<Warning> events = new ArrayList<>();
        long current = ++round;
        for (Observed observed : observations) {
            Observation o = observed.observation(); // its words are written only for a warning built from it
            Track[] ofStage = tracks.computeIfAbsent(o.stageId(), k -> new Track[RULES]);
            Track t = ofStage[o.rule().ordinal()];
            if (t == null) {
                t = new Track(o.warningId());
                ofStage[o.rule().ordinal()] = t;
            }
            String id = t.id;
            t.observedIn = current;
            if (o.breaks()) {
                t.clearSince = Double.NaN;
                if (t.raised == null) {
                    if (Double.isNaN(t.pendingSince)) {
                        t.pendingSince = now;
                    }
                    if (now - t.pendingSince >= config.raiseAfterSeconds() - 1e-9) {
                        t.raised = warning(graph, observed, id, WarningState.RAISED, now, now, o.measured(), false);
                        t.lastEventMeasured = o.measured();
                        events.add(t.raised);
                    }
                } else {
                    double peak = o.direction().worse(o.measured(), t.raised.peakMeasured())
                            ? o.measured()
                            : t.raised.peakMeasured();
                    t.raised = warning(
                            graph, observed, id, WarningState.UPDATED, t.raised.firstSeenSeconds(), now, peak, false);
                    if (Math.abs(o.measured() - t.lastEventMeasured) >= UPDATE_STEP_DB) {
                        t.lastEventMeasured = o.measured();
                        events.add(t.raised);
                    }
                }
            } else {
                t.pendingSince = Double.NaN;
                if (t.raised != null) {
                    // Keep showing what is measured now (and a fix that fits it), marked as clearing.
                    t.raised = warning(
                            graph,
                            observed,
                            id,
                            WarningState.UPDATED,
                            t.raised.firstSeenSeconds(),
                            t.raised.lastSeenSeconds(),
                            t.raised.peakMeasured(),
                            true);
                    if (o.direction().clearOf(o.measured(), o.threshold(), o.clearMarginDb())) {
                        if (Double.isNaN(t.clearSince)) {
                            t.clearSince = now;
                        }
                        if (now - t.clearSince >= config.clearAfterSeconds() - 1e-9) {
                            events.add(warning(
                                    graph,
                                    observed,
                                    id,
                                    WarningState.CLEARED,
                                    t.raised.firstSeenSeconds(),
                                    now,
                                    t.raised.peakMeasured(),
                                    true));
                            t.raised = null;
                            t.clearSince = Double.NaN;
                        }
                    } else {
                        t.clearSince = Double.NaN; // inside the hysteresis band: stays raised
                    }
                }
            }
        }
        for (Iterator<Track[]> it = tracks.values().iterator(); it.hasNext(); ) {
            Track[] ofStage = it.next();
            boolean kept = false;
            for (int r = 0; r < RULES; r++) {
                Track t = ofStage[r];
                if (t == null) {
                    continue;
                }
                if (t.observedIn != current) {
                    t.pendingSince = Double.NaN;
                    if (t.raised == null || graph.stage(t.raised.stageId()).isEmpty() || muted(t.raised, intentional)) {
                        if (t.raised != null) {
                            events.add(t.raised.withState(WarningState.CLEARED));
                        }
                        ofStage[r] = null;
                        continue;
                    }
                }
                kept = true;
            }
            if (!kept) {
                it.remove();
            }
        }
        events.sort(Comparator.comparing(Warning::id));
        return events;
    }

    private static boolean muted(Warning w, Set<String> intentional) {
        return w.rule().mutedByIntentionalSaturation()
                && (intentional.contains(w.stageId()) || intentional.contains(w.stripId()));
    }

    /** The raised warnings, most severe first, then by strip order of appearance. */
    public List<Warning> active() {
        List<Warning> list = new ArrayList<>();
        for (Track[] ofStage : tracks.values()) {
            for (Track t : ofStage) {
                if (t != null && t.raised != null) {
                    list.add(t.raised);
                }
            }
        }
        list.sort(Comparator.comparing((Warning w) -> w.severity())
                .reversed()
                .thenComparing(Warning::firstSeenSeconds)
                .thenComparing(Warning::id));
        return list;
    }

    private static Warning warning(
            SessionGraph graph,
            Observed observed,
            String id,
            WarningState state,
            double first,
            double last,
            double peak,
            boolean clearing) {
        Observation o = observed.worded();
        Strip strip = graph.strip(o.stripId()).orElse(null);
        String stripName = strip == null ? o.stripId() : strip.name();
        String stageName = graph.stage(o.stageId()).map(Stage::name).orElse(o.stageId());
        return new Warning(
                id,
                o.rule(),
                state,
                o.stripId(),
                stripName,
                o.stageId(),
                stageName,
                Decibels.tenth(o.measured()),
                o.threshold(),
                o.unit(),
                o.message(),
                o.suggestion(),
                o.fix(),
                first,
                last,
                Decibels.tenth(peak),
                "",
                false,
                "",
                clearing,
                o.evidence());
    }
}
