package dev.gainstage.engine.checklist;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.TapReadings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checklist's optional step 4, "Ready to deliver": the master's programme (since its measurement was last
 * restarted) against the session's {@link DeliveryTarget}. A loudness target passes with integrated loudness within
 * {@link DeliveryTarget#TOLERANCE_LU} of it and the maximum true peak at or below the ceiling; a pre-master with its
 * maximum sample peak inside the window. Absent when no target is chosen or the session has no master.
 */
public final class DeliveryCheck {
    public static final int STEP = 4;
    public static final String TITLE = "Ready to deliver";
    /** Seconds of signal before the programme is judged: the short-term window, as the mix step waits. */
    static final double MIN_SIGNAL_SECONDS = ChecklistEvaluator.MIN_SIGNAL_SECONDS;

    private DeliveryCheck() {}

    /** The master strip's output stage (its last stage), if the session has a master. */
    public static Optional<Stage> masterOutput(SessionGraph graph) {
        for (Strip strip : graph.strips()) {
            if (strip.kind() == StripKind.MASTER && !strip.stages().isEmpty()) {
                return strip.stages().stream()
                        .filter(s -> s.kind() == StageKind.OUTPUT)
                        .reduce((a, b) -> b)
                        .or(() -> Optional.of(strip.stages().getLast()));
            }
        }
        return Optional.empty();
    }

    static Optional<ChecklistStep> step(
            SessionGraph graph, TapReadings readings, Map<String, String> itemAcks, DeliveryTarget target) {
        if (target == DeliveryTarget.NONE) {
            return Optional.empty();
        }
        Optional<Stage> output = masterOutput(graph);
        if (output.isEmpty()) {
            return Optional.empty();
        }
        Stage stage = output.get();
        Strip master = graph.strips().stream()
                .filter(s -> s.kind() == StripKind.MASTER)
                .findFirst()
                .orElseThrow();
        String id = "deliver:" + stage.id();
        String text = master.name() + " ready to deliver (" + target.describe() + ")";
        String ack = itemAcks.get(id);
        ChecklistItem item;
        if (ack != null) {
            item = new ChecklistItem(id, text, master.id(), stage.id(), ItemState.ACKNOWLEDGED, "acknowledged", ack);
        } else {
            MeterReading r = readings.get(new TapKey(stage.id(), TapPoint.OUTPUT));
            String problem = problem(r, target);
            ItemState state =
                    problem == null ? ItemState.PENDING : problem.isEmpty() ? ItemState.PASSING : ItemState.FAILING;
            String detail = problem == null ? waiting(r) : problem;
            item = new ChecklistItem(id, text, master.id(), stage.id(), state, detail, "");
        }
        return Optional.of(new ChecklistStep(STEP, TITLE, List.of(item)));
    }

    /** What keeps the programme from the target, "" when nothing does, null while it cannot be judged yet. */
    static String problem(MeterReading r, DeliveryTarget target) {
        if (!TapReadings.hasSignal(r) || r.signalSeconds() < MIN_SIGNAL_SECONDS) {
            return null;
        }
        if (!target.hasLoudness()) {
            double peak = r.maxSamplePeakDbfs();
            if (peak > target.peakMaxDbfs()) {
                return String.format(
                        Locale.ROOT,
                        "peaks at %.1f dBFS, above %.0f dBFS: lower the master by %.1f dB",
                        peak,
                        target.peakMaxDbfs(),
                        peak - target.peakMaxDbfs());
            }
            if (peak < target.peakMinDbfs()) {
                return String.format(
                        Locale.ROOT,
                        "peaks at %.1f dBFS, below %.0f dBFS: raise the master by %.1f dB",
                        peak,
                        target.peakMinDbfs(),
                        target.peakMinDbfs() - peak);
            }
            return "";
        }
        double integrated = r.integratedLufs();
        if (!MeterReading.has(integrated)) {
            return null;
        }
        double off = integrated - target.loudnessLufs();
        if (Math.abs(off) > DeliveryTarget.TOLERANCE_LU) {
            return String.format(
                    Locale.ROOT,
                    "integrated %.1f LUFS, %.1f LU %s the target %.0f LUFS",
                    integrated,
                    Math.abs(off),
                    off > 0 ? "above" : "below",
                    target.loudnessLufs());
        }
        double truePeak = MeterReading.has(r.maxTruePeakDbtp()) ? r.maxTruePeakDbtp() : r.maxSamplePeakDbfs();
        if (truePeak > target.truePeakCeilingDbtp()) {
            return String.format(
                    Locale.ROOT,
                    "true peak %.1f dBTP, above the ceiling %.0f dBTP",
                    truePeak,
                    target.truePeakCeilingDbtp());
        }
        return "";
    }

    private static String waiting(MeterReading r) {
        double heard = r == null ? 0 : r.signalSeconds();
        return String.format(
                Locale.ROOT, "waiting: %.1f s of programme (judged after %.0f s)", heard, MIN_SIGNAL_SECONDS);
    }
}
