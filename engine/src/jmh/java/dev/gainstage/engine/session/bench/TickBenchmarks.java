package dev.gainstage.engine.session.bench;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRuleSet;
import dev.gainstage.engine.session.AdapterLink;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.Decisions;
import dev.gainstage.engine.session.FixOutcome;
import dev.gainstage.engine.session.MeterPool;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.TapBlockData;
import dev.gainstage.engine.session.TapBlockException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch that ends a tick, as the sidecar's stream thread runs it: a {@link SessionEngine} with {@code taps} mono
 * 48 kHz taps, fed the 0.1 s of a tick as one untimed batch of {@value #LEAD} frames per tap (set-up), then timed: the
 * {@value #BLOCK}-frame batch that completes it, so the session's tick (readings, judge, timeline, publication) runs
 * in it. {@link #batchWithoutTick} times the same batch where it ends no tick, in the same run: the difference is the
 * tick. Metering runs on the calling thread ({@link MeterPool#inline()}) so the figures are of one core.
 *
 * <p>Two sessions: {@code sources}, the sidecar bench's (a strip per tap, a source alone; every fourth one hot), and
 * {@code mix}, strips as a mix has them (source, trim, two plugins, fader; a bus per eight tracks with a plugin,
 * fader and output; a master with a plugin and output), where every fourth track is hot, every fifth track's second
 * plugin adds 4 dB and the master has little headroom. Warnings are raised after the first ticks of the warm-up and
 * are updated at every tick after.
 *
 * <p>Besides the time, each fork prints the bytes its thread allocated per timed batch ({@code alloc/batch}, read
 * around the timed call alone, so the set-up's batch is not in it) and the share of timed batches that ticked. Run:
 * {@code java -jar engine/target/gainstage-engine-*-benchmarks.jar Tick}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class TickBenchmarks {
    static final int RATE = 48_000;
    static final int TICK = RATE / 10;
    static final int BLOCK = 256;
    static final int LEAD = TICK - BLOCK;

    /** A session fed as the sidecar's stream feeds it; its subclasses say where the ticks fall. */
    @State(Scope.Thread)
    public abstract static class Rig {
        @Param({"512", "2048"})
        int taps;

        @Param({"sources", "mix"})
        String session;

        private SessionEngine engine;
        private int[] handles;
        private ByteBuffer[] leadSamples;
        private ByteBuffer[] blockSamples;
        private ByteBuffer[] startSamples;
        private long position;
        private long allocated;
        private long timed;
        private long ticked;

        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        /** The tap's signal: a 1500 Hz sine (whole periods in every batch length here) at its level. */
        private static ByteBuffer sine(double dbfs, int frames) {
            ByteBuffer b = ByteBuffer.allocate(frames * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            double amplitude = Math.pow(10, dbfs / 20);
            for (int i = 0; i < frames; i++) {
                b.putFloat((float) (amplitude * Math.sin(2 * Math.PI * 1500 * i / RATE)));
            }
            return b.flip();
        }

        private static Stage stage(String id, StageKind kind, String name, double gainDb) {
            return new Stage(
                    id,
                    kind,
                    name,
                    kind == StageKind.PLUGIN ? "urn:bench:" + name : "",
                    true,
                    Double.isNaN(gainDb) ? OptionalDouble.empty() : OptionalDouble.of(gainDb),
                    "");
        }

        /** The session's strips, and each tap's level in dBFS. */
        private record Session(List<Strip> strips, Map<TapKey, Double> levels) {}

        private static Session sources(int taps) {
            List<Strip> strips = new ArrayList<>();
            Map<TapKey, Double> levels = new HashMap<>();
            for (int i = 0; i < taps; i++) {
                String id = "t" + i;
                strips.add(new Strip(
                        id,
                        "Tap " + i,
                        StripKind.AUDIO_TRACK,
                        1,
                        List.of(stage(id + "/source", StageKind.SOURCE, "Source", Double.NaN)),
                        List.of()));
                levels.put(new TapKey(id + "/source", TapPoint.OUTPUT), i % 4 == 0 ? -3.0 : -12.0);
            }
            return new Session(strips, levels);
        }

        private static Session mix(int taps) {
            List<Strip> tracks = new ArrayList<>();
            List<Strip> buses = new ArrayList<>();
            Map<TapKey, Double> levels = new HashMap<>();
            int count = 4; // the master's plugin and output, in and out
            for (int i = 0; count < taps; i++) {
                if (i % 8 == 0) {
                    String bus = "b" + i / 8;
                    buses.add(new Strip(
                            bus,
                            "Bus " + i / 8,
                            StripKind.BUS,
                            1,
                            List.of(
                                    stage(bus + "/comp", StageKind.PLUGIN, "Bus Comp", Double.NaN),
                                    stage(bus + "/fader", StageKind.FADER, "Fader", 0),
                                    stage(bus + "/output", StageKind.OUTPUT, "Output", Double.NaN)),
                            List.of("master")));
                    count += 6;
                }
                String id = "t" + i;
                double level = i % 4 == 0 ? -3.0 : -12.0;
                tracks.add(new Strip(
                        id,
                        "Track " + i,
                        StripKind.AUDIO_TRACK,
                        1,
                        List.of(
                                stage(id + "/source", StageKind.SOURCE, "Source", Double.NaN),
                                stage(id + "/trim", StageKind.TRIM, "Trim", 0),
                                stage(id + "/eq", StageKind.PLUGIN, "EQ", Double.NaN),
                                stage(id + "/comp", StageKind.PLUGIN, "Compressor", Double.NaN),
                                stage(id + "/fader", StageKind.FADER, "Fader", 0)),
                        List.of("b" + i / 8)));
                for (Stage s : tracks.getLast().stages()) {
                    if (s.kind() != StageKind.SOURCE) {
                        levels.put(new TapKey(s.id(), TapPoint.INPUT), level);
                    }
                    boolean louder = s.id().endsWith("/comp") && i % 5 == 1;
                    levels.put(new TapKey(s.id(), TapPoint.OUTPUT), louder ? level + 4 : level);
                }
                count += 9;
            }
            Strip master = new Strip(
                    "master",
                    "Master",
                    StripKind.MASTER,
                    1,
                    List.of(
                            stage("master/limiter", StageKind.PLUGIN, "Limiter", Double.NaN),
                            stage("master/output", StageKind.OUTPUT, "Output", Double.NaN)),
                    List.of());
            List<Strip> strips = new ArrayList<>(tracks);
            strips.addAll(buses);
            strips.add(master);
            for (Strip s : buses) {
                for (Stage st : s.stages()) {
                    levels.put(new TapKey(st.id(), TapPoint.INPUT), -6.0);
                    levels.put(new TapKey(st.id(), TapPoint.OUTPUT), -6.0);
                }
            }
            for (Stage st : master.stages()) {
                levels.put(new TapKey(st.id(), TapPoint.INPUT), -2.0);
                levels.put(new TapKey(st.id(), TapPoint.OUTPUT), -2.0);
            }
            return new Session(strips, levels);
        }

        @Setup(Level.Trial)
        public void setUp() throws GraphException, TapBlockException {
            Session s = session.equals("mix") ? mix(taps) : sources(taps);
            engine = new SessionEngine(
                    "bench",
                    RuleOverrides.NONE,
                    StagingRuleSet.standard(),
                    MeterOptions.defaults(),
                    MeterPool.inline(),
                    Decisions.NONE,
                    new NoSaving(),
                    "");
            Map<Integer, TapKey> plan = new HashMap<>();
            engine.attach(new BenchLink(plan), "bench");
            engine.onSnapshot(1, s.strips());
            handles = new int[plan.size()];
            leadSamples = new ByteBuffer[plan.size()];
            blockSamples = new ByteBuffer[plan.size()];
            startSamples = new ByteBuffer[plan.size()];
            Map<Double, ByteBuffer[]> byLevel = new HashMap<>();
            int i = 0;
            for (Map.Entry<Integer, TapKey> e : plan.entrySet()) {
                handles[i] = e.getKey();
                ByteBuffer[] signal = byLevel.computeIfAbsent(s.levels().get(e.getValue()), dbfs ->
                        new ByteBuffer[] {sine(dbfs, LEAD), sine(dbfs, BLOCK), sine(dbfs, start())});
                leadSamples[i] = signal[0];
                blockSamples[i] = signal[1];
                startSamples[i] = signal[2];
                i++;
            }
            engine.onTaps(batch(startSamples, start()));
            System.out.println(
                    "session " + session + ": " + s.strips().size() + " strips, " + handles.length + " mono taps");
        }

        private List<TapBlockData> batch(ByteBuffer[] samples, int frames) {
            List<TapBlockData> batch = new ArrayList<>(handles.length);
            for (int i = 0; i < handles.length; i++) {
                batch.add(new TapBlockData(handles[i], RATE, 1, frames, position, samples[i]));
            }
            position += frames;
            return batch;
        }

        /** The tick's audio up to its last batch, untimed. */
        @Setup(Level.Invocation)
        public void lead() throws TapBlockException {
            engine.onTaps(batch(leadSamples, LEAD));
        }

        /** Frames of audio before the first tick's lead. */
        abstract int start();

        long timedBatch() throws TapBlockException {
            List<TapBlockData> batch = batch(blockSamples, BLOCK);
            long version = engine.state().version();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            engine.onTaps(batch);
            allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
            timed++;
            long now = engine.state().version();
            if (now != version) {
                ticked++;
            }
            return now;
        }

        @TearDown(Level.Iteration)
        public void report() {
            if (timed > 0) {
                System.out.printf(
                        "  alloc/batch %.0f B, ticked %d of %d timed batches, %d warnings%n",
                        allocated / (double) timed,
                        ticked,
                        timed,
                        engine.state().warnings().size());
            }
            allocated = 0;
            timed = 0;
            ticked = 0;
        }
    }

    /** A tick falls in the middle of every timed batch, well clear of the clock's rounding (it adds up doubles). */
    @State(Scope.Thread)
    public static class EndsTicks extends Rig {
        @Override
        int start() {
            return BLOCK / 2;
        }
    }

    /** The ticks half a tick on, in the untimed batches: every timed batch ends none. */
    @State(Scope.Thread)
    public static class EndsNone extends Rig {
        @Override
        int start() {
            return BLOCK / 2 + TICK / 2;
        }
    }

    /** The batch that ends a tick: metering it, then the tick. */
    @Benchmark
    public long batchEndingTick(EndsTicks rig) throws TapBlockException {
        return rig.timedBatch();
    }

    /** The same batch where it ends no tick: metering it alone. */
    @Benchmark
    public long batchWithoutTick(EndsNone rig) throws TapBlockException {
        return rig.timedBatch();
    }

    /** Keeps the tap plan the session asks for; the benchmark applies no fix. */
    private record BenchLink(Map<Integer, TapKey> plan) implements AdapterLink {
        @Override
        public String adapterName() {
            return "bench";
        }

        @Override
        public boolean canApplyFixes() {
            return false;
        }

        @Override
        public void requestTaps(Map<Integer, TapKey> taps) {
            plan.clear();
            plan.putAll(taps);
        }

        @Override
        public CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb) {
            return CompletableFuture.completedFuture(FixOutcome.refused("bench"));
        }

        @Override
        public CompletableFuture<FixOutcome> requestSetGain(String stageId, double gainDb) {
            return CompletableFuture.completedFuture(FixOutcome.refused("bench"));
        }
    }

    private static final class NoSaving implements DecisionPersistence {
        @Override
        public Loaded load(String sessionKey) {
            return new Loaded(Decisions.NONE, "");
        }

        @Override
        public void save(String sessionKey, Decisions decisions) {}
    }
}
