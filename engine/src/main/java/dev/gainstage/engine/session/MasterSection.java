package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.DeliveryCheck;
import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master's loudness over time: a bounded history of its short-term loudness, one point per second of session
 * audio (sample positions, not the wall clock) for the last ten minutes, and where its measurement last restarted.
 * Owned by the session's adapter side (its lock); the history's snapshot is rebuilt once a point, not per tick.
 */
final class MasterSection {
    private static final double HISTORY_STEP_SECONDS = MasterLoudness.HISTORY_STEP_SECONDS;
    private static final int HISTORY_POINTS = MasterLoudness.HISTORY_POINTS;
    private static final double EPSILON = 1e-6;

    private final ArrayDeque<Double> points = new ArrayDeque<>();
    private List<Double> snapshot = List.of();
    private double nextPointSeconds = HISTORY_STEP_SECONDS;
    private double lastPointSeconds;
    private double restartedAt;

    /** The master's output tap, if the session has a master. */
    static Optional<TapKey> tap(SessionGraph graph) {
        return DeliveryCheck.masterOutput(graph).map(s -> new TapKey(s.id(), TapPoint.OUTPUT));
    }

    /** One tick at session time {@code seconds}: a point once a second (one after a long block, not a burst). */
    void observe(double seconds, SessionGraph graph, Map<TapKey, MeterReading> readings) {
        if (seconds + EPSILON < nextPointSeconds) { // the clock adds tenths: 1.0 may be 0.99999999
            return;
        }
        MeterReading r = tap(graph).map(readings::get).orElse(null);
        points.addLast(r == null ? Double.NaN : r.shortTermLufs());
        while (points.size() > HISTORY_POINTS) {
            points.removeFirst();
        }
        snapshot = List.copyOf(points);
        lastPointSeconds = seconds;
        nextPointSeconds = (Math.floor(seconds / HISTORY_STEP_SECONDS + EPSILON) + 1) * HISTORY_STEP_SECONDS;
    }

    /** The measurement starts again at session time {@code seconds}: the history with it. */
    void restart(double seconds) {
        points.clear();
        snapshot = List.of();
        restartedAt = seconds;
        nextPointSeconds = seconds + HISTORY_STEP_SECONDS;
    }

    MasterLoudness view(SessionGraph graph, Map<TapKey, MeterReading> readings, DeliveryTarget target, double seconds) {
        Optional<Stage> output = DeliveryCheck.masterOutput(graph);
        if (output.isEmpty()) {
            return MasterLoudness.NONE;
        }
        MeterReading r = readings.get(new TapKey(output.get().id(), TapPoint.OUTPUT));
        double measured = Math.max(0, seconds - restartedAt);
        if (r == null) {
            return MasterLoudness.unmeasured(output.get().id(), measured, target, snapshot, lastPointSeconds);
        }
        return new MasterLoudness(
                output.get().id(),
                r.momentaryLufs(),
                r.shortTermLufs(),
                r.integratedLufs(),
                r.loudnessRangeLu(),
                r.maxTruePeakDbtp(),
                r.maxSamplePeakDbfs(),
                measured,
                target,
                snapshot,
                lastPointSeconds);
    }
}
