package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.Strip;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders a {@link SimSession}: the sim adapter's reference "DAW". Every block runs all tracks,
 * then the buses in routing order (a bus after every bus feeding it), then the master, summing
 * within the same block (no latency), and reports the audio entering and leaving every stage.
 *
 * <p>Threading: {@link #renderBlock} belongs to one render thread and allocates nothing (every
 * buffer is sized in {@link #create}). {@link #applyGainChange} may be called from any thread;
 * the new gain is read by the render thread at its next block and ramped in across that block.
 */
public final class SimSessionRenderer {
    private final String name;
    private final int sampleRate;
    private final int blockFrames;
    private final StripChain[] renderOrder;
    private final List<StripChain> snapshotOrder;
    private final MixBus[] mixBuses;
    private final Map<String, GainTarget> gainTargets;
    private final Set<String> stageIds;
    private volatile long position;

    private SimSessionRenderer(ResolvedSession session, ChainBuilder.Graph graph) {
        this.name = session.name();
        this.sampleRate = session.sampleRate();
        this.blockFrames = session.blockFrames();
        this.renderOrder = graph.renderOrder().toArray(StripChain[]::new);
        this.snapshotOrder = graph.snapshotOrder();
        this.mixBuses = graph.mixBuses().toArray(MixBus[]::new);
        this.gainTargets = graph.gainTargets();
        this.stageIds = graph.stageIds();
    }

    /**
     * Validates the session (unique ids, known bus targets, no routing cycles, 1 or 2 channels, sane
     * ranges), renders the generators' patterns and loads WAV sources relative to {@code baseDir}.
     */
    public static SimSessionRenderer create(SimSession session, Path baseDir) throws SimSessionException {
        ResolvedSession resolved = SessionValidator.validate(session);
        return new SimSessionRenderer(resolved, ChainBuilder.build(resolved, baseDir));
    }

    /** The session's name as written in the file (may be empty). */
    public String name() {
        return name;
    }

    public SessionSnapshot snapshot(long sequence) {
        SessionSnapshot.Builder snapshot = SessionSnapshot.newBuilder().setSequence(sequence);
        for (StripChain strip : snapshotOrder) {
            snapshot.addStrips(strip.describe());
        }
        return snapshot.build();
    }

    /** The gain a stage shows in the snapshot (trim, fader, send), as it is now; empty for a stage without one. */
    public OptionalDouble gainShown(String stageId) {
        for (Strip strip : snapshot(0).getStripsList()) {
            for (Stage stage : strip.getStagesList()) {
                if (stage.getId().equals(stageId) && stage.hasGainDb()) {
                    return OptionalDouble.of(stage.getGainDb());
                }
            }
        }
        return OptionalDouble.empty();
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int blockFrames() {
        return blockFrames;
    }

    /** Frames rendered so far: the sample position of the next block. */
    public long position() {
        return position;
    }

    /** Renders the next {@link #blockFrames()} frames and reports every tap of every strip to {@code sink}. */
    public void renderBlock(TapSink sink) {
        long at = position;
        for (MixBus bus : mixBuses) {
            bus.clear();
        }
        for (StripChain strip : renderOrder) {
            strip.render(blockFrames, sink, at);
        }
        position = at + blockFrames;
    }

    /**
     * Changes a stage's gain by {@code changeDb}: a source or trim stage changes the trim, a fader
     * the fader, a plugin its output level (a compressor its makeup), a send its level. Refused,
     * with the reason, for an unknown stage, a stage without a gain, or a result outside −120..+48 dB.
     * Synchronized so that two concurrent fixes cannot both pass the range check.
     */
    public synchronized FixOutcome applyGainChange(String stageId, double changeDb) {
        if (!Double.isFinite(changeDb)) {
            return FixOutcome.refused("gain change for " + stageId + " is not a number: " + changeDb);
        }
        return change(stageId, before -> before + changeDb, false);
    }

    /**
     * Sets the gain {@link #applyGainChange} changes to exactly {@code gainDb} (the sidecar undoing a fix), refused
     * as that is.
     */
    public synchronized FixOutcome setGain(String stageId, double gainDb) {
        if (!Double.isFinite(gainDb)) {
            return FixOutcome.refused("gain for " + stageId + " is not a number: " + gainDb);
        }
        return change(stageId, before -> gainDb, true);
    }

    private FixOutcome change(String stageId, DoubleUnaryOperator next, boolean absolute) {
        GainTarget target = gainTargets.get(stageId);
        if (target == null) {
            return FixOutcome.refused(
                    stageIds.contains(stageId)
                            ? stageId + " has no gain to change"
                            : "unknown stage id \"" + stageId + "\"");
        }
        double before = target.param().db();
        double after = next.applyAsDouble(before);
        if (after < SessionValidator.MIN_GAIN_DB || after > SessionValidator.MAX_GAIN_DB) {
            return FixOutcome.refused(String.format(
                    Locale.ROOT,
                    "%s %s would be %+.1f dB, outside %.0f..%+.0f dB",
                    target.stageId(),
                    target.label(),
                    after,
                    SessionValidator.MIN_GAIN_DB,
                    SessionValidator.MAX_GAIN_DB));
        }
        after = absolute ? target.param().set(after) : target.param().add(after - before);
        String message = String.format(
                Locale.ROOT,
                "%s %s %+.2f dB → %+.2f dB (%+.2f dB)",
                target.stageId(),
                target.label(),
                before,
                after,
                after - before);
        if (!target.stageId().equals(stageId)) {
            message += " (" + stageId + " has no gain of its own)";
        }
        if (target.bypassed()) {
            message += "; the plugin is deactivated, so the level does not change until it is activated";
        }
        return new FixOutcome(true, message, before, after);
    }
}
