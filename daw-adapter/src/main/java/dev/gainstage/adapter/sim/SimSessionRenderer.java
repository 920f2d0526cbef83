package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.SignalSource;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.Strip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders a {@link SimSession}: the sim adapter's reference "DAW". Every block runs all tracks,
 * then the buses in routing order (a bus after every bus feeding it), then the master, summing
 * within the same block (no latency), and reports the audio entering and leaving every stage.
 *
 * <p>Threading: {@link #renderBlock} belongs to one render thread and allocates nothing (every
 * buffer is sized in {@link #create}). {@link #applyGainChange} may be called from any thread;
 * the new gain is read by the render thread at its next block and ramped in across that block.
 *
 * <p>Two positions: {@link #position()} counts the frames rendered (the tap blocks' sample positions,
 * which only go forward), and the {@link #playhead()} is the session's transport: it wraps at the
 * session's loop and jumps where {@link #seek} (any thread) asks, from the next block on. Each jump
 * publishes a new {@link TransportAnchor} (one volatile record, replaced only on a jump, so the render
 * loop allocates nothing per block).
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
    private final long loopFrames;
    private final SignalSource[] sources;
    private final Map<String, AtomicBoolean> pluginSwitches;
    private volatile long position;
    private volatile long playhead;
    /** Where the next block should start on the timeline; -1: no seek asked. */
    private final AtomicLong seekTo = new AtomicLong(-1);

    private volatile TransportAnchor anchor = new TransportAnchor(0, 0);

    /** The transport was at {@code transportFrame} when the tap stream was at {@code streamPosition}. */
    public record TransportAnchor(long transportFrame, long streamPosition) {}

    private SimSessionRenderer(ResolvedSession session, ChainBuilder.Graph graph) {
        this.name = session.name();
        this.sampleRate = session.sampleRate();
        this.blockFrames = session.blockFrames();
        this.renderOrder = graph.renderOrder().toArray(StripChain[]::new);
        this.snapshotOrder = graph.snapshotOrder();
        this.mixBuses = graph.mixBuses().toArray(MixBus[]::new);
        this.gainTargets = graph.gainTargets();
        this.stageIds = graph.stageIds();
        this.loopFrames = session.loopFrames();
        List<SignalSource> playing = new ArrayList<>();
        for (StripChain strip : renderOrder) {
            for (ChainStage stage : strip.stages()) {
                if (stage instanceof SourceStage source && source.source() != null) {
                    playing.add(source.source());
                }
            }
        }
        this.sources = playing.toArray(SignalSource[]::new);
        this.pluginSwitches = graph.pluginSwitches();
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

    /** The transport position (frames on the session's timeline) of the next block. */
    public long playhead() {
        return playhead;
    }

    /** The latest transport jump (a seek, a loop); the transport counts on from it with the stream. */
    public TransportAnchor anchor() {
        return anchor;
    }

    /** The session's loop in frames, 0 when it plays on without one. */
    public long loopFrames() {
        return loopFrames;
    }

    /**
     * Moves the transport to {@code frame} (inside the loop, when there is one) from the next block on;
     * returns where it will be.
     *
     * @throws IllegalArgumentException for a negative frame
     */
    public long seek(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("seek position " + frame + " is before the session's start");
        }
        long target = loopFrames > 0 ? frame % loopFrames : frame;
        seekTo.set(target);
        return target;
    }

    /** Renders the next {@link #blockFrames()} frames and reports every tap of every strip to {@code sink}. */
    public void renderBlock(TapSink sink) {
        long at = position;
        long target = seekTo.getAndSet(-1);
        if (target >= 0) {
            for (SignalSource source : sources) {
                source.seek(target);
            }
            playhead = target;
            anchor = new TransportAnchor(target, at);
        }
        for (MixBus bus : mixBuses) {
            bus.clear();
        }
        for (StripChain strip : renderOrder) {
            strip.render(blockFrames, sink, at);
        }
        position = at + blockFrames;
        long next = playhead + blockFrames;
        if (loopFrames > 0 && next >= loopFrames) {
            // The sources wrapped inside the block; the transport is said to wrap at the block's end.
            next %= loopFrames;
            anchor = new TransportAnchor(next, at + blockFrames);
        }
        playhead = next;
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
        return change(stageId, before -> before + changeDb);
    }

    /** Sets a stage's gain to exactly {@code db}, as {@link #applyGainChange} would reach it, with its checks. */
    public synchronized FixOutcome setGain(String stageId, double db) {
        if (!Double.isFinite(db)) {
            return FixOutcome.refused("gain for " + stageId + " is not a number: " + db);
        }
        return change(stageId, before -> db);
    }

    /** The gain a fix or compare changes on {@code stageId} now, in dB; empty when it has none. */
    public OptionalDouble gainDb(String stageId) {
        GainTarget target = gainTargets.get(stageId);
        return target == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(target.param().db());
    }

    /** Whether a plugin stage is active; empty for any other stage id. */
    public Optional<Boolean> pluginActive(String stageId) {
        AtomicBoolean active = pluginSwitches.get(stageId);
        return active == null ? Optional.empty() : Optional.of(active.get());
    }

    /** Activates or deactivates a plugin from the next block on; false for a stage id that is not a plugin. */
    public boolean setPluginActive(String stageId, boolean active) {
        AtomicBoolean a = pluginSwitches.get(stageId);
        if (a == null) {
            return false;
        }
        a.set(active);
        return true;
    }

    private FixOutcome change(String stageId, DoubleUnaryOperator newDb) {
        GainTarget target = gainTargets.get(stageId);
        if (target == null) {
            return FixOutcome.refused(
                    stageIds.contains(stageId)
                            ? stageId + " has no gain to change"
                            : "unknown stage id \"" + stageId + "\"");
        }
        double before = target.param().db();
        double after = newDb.applyAsDouble(before);
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
        after = target.param().set(after);
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
