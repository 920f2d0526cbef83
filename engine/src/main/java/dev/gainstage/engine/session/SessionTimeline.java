package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.history.HistoryLimits;
import dev.gainstage.engine.history.HistorySlice;
import dev.gainstage.engine.history.SessionHistory;
import dev.gainstage.engine.history.TransportMap;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Warning;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The session on the DAW's timeline: where the transport is ({@link TransportMap}, anchored by the
 * adapter's transport reports to the tap stream the {@link SessionClock} reads) and the {@link
 * SessionHistory} stamped with it. Owned by the session's adapter side (its lock).
 */
final class SessionTimeline {
    private final TransportMap transport = new TransportMap();
    private final SessionHistory history;
    private List<String> stageIds = List.of();

    SessionTimeline(HistoryLimits limits) {
        this.history = new SessionHistory(limits);
    }

    /** A new adapter: its stream counts from its own start, its transport is unknown until it says. */
    void reset() {
        transport.reset();
    }

    /** @see TransportMap#anchor */
    void anchor(boolean rolling, long transportSamples, int sampleRate, long streamPosition) {
        transport.anchor(rolling, transportSamples, sampleRate, streamPosition);
    }

    /** @see TransportMap#rolling */
    void rolling(boolean isRolling, SessionClock clock) {
        transport.rolling(isRolling, clock.streamEnd(), clock.sampleRate());
    }

    void follow(SessionGraph graph) {
        stageIds = graph.strips().stream()
                .flatMap(s -> s.stages().stream())
                .map(Stage::id)
                .toList();
        history.retainStages(new HashSet<>(stageIds));
    }

    /** The transport's seconds as of the latest tap audio. */
    double transportSeconds(SessionClock clock) {
        return transport.secondsAt(clock.streamEnd(), clock.sampleRate());
    }

    /** A judged tick: its levels (once a second) and warning events into the history. */
    void tick(SessionClock clock, Map<TapKey, MeterReading> readings, List<Warning> events) {
        history.tick(
                clock.seconds(),
                transportSeconds(clock),
                stageIds,
                id -> readings.get(new TapKey(id, TapPoint.OUTPUT)),
                events);
    }

    HistorySlice query(Collection<String> ids, double from, double to) {
        return history.query(ids, from, to);
    }
}
