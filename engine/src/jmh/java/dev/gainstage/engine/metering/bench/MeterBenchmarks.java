package dev.gainstage.engine.metering.bench;

import dev.gainstage.engine.metering.KWeightingFilter;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MonoGroup;
import dev.gainstage.engine.metering.SegmentStats;
import dev.gainstage.engine.metering.StageMeter;
import dev.gainstage.engine.metering.TruePeakMeter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of each meter in samples per second per channel: every benchmark feeds one block of
 * {@value #FRAMES} frames and declares {@code FRAMES x channels} operations, so JMH's ops/s is the
 * number of single-channel samples metered per second (divide by 48 000 for real-time channels).
 *
 * <p>Build and run: {@code ./mvnw -q -B -pl engine -am -Pbench package -DskipTests} then
 * {@code java -jar engine/target/gainstage-engine-*-benchmarks.jar -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MeterBenchmarks {
    static final int FRAMES = 4096;
    /** Forks with this run the meters' plain-Java loops (the peers of the Vector API loops). */
    static final String SCALAR = "-Dgainstage.metering.scalar=true";

    @Param({"48000"})
    int sampleRate;

    private float[] stereo;
    private float[] mono;
    private StageMeter stereoMeter;
    private StageMeter monoMeter;
    private KWeightingFilter kWeighting;
    private TruePeakMeter truePeak;
    private final SegmentStats stats = new SegmentStats();
    private final SegmentStats otherStats = new SegmentStats();

    @Setup
    public void setUp() {
        Random random = new Random(1);
        stereo = new float[FRAMES * 2];
        mono = new float[TruePeakMeter.history() + FRAMES];
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] = (float) (random.nextGaussian() * 0.1);
        }
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (float) (random.nextGaussian() * 0.1);
        }
        stereoMeter = new StageMeter(MeterOptions.defaults());
        stereoMeter.initialize(sampleRate, 2, FRAMES);
        monoMeter = new StageMeter(MeterOptions.defaults());
        monoMeter.initialize(sampleRate, 1, FRAMES);
        kWeighting = new KWeightingFilter(sampleRate, 2);
        truePeak = new TruePeakMeter(sampleRate);
    }

    /** Everything a tap gets: K-weighting, loudness windows and gates, true peak, RMS, clips, correlation. */
    @Benchmark
    @OperationsPerInvocation(FRAMES * 2)
    public void stageMeterStereo() {
        stereoMeter.process(stereo, 0, FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void stageMeterMono() {
        monoMeter.process(mono, 0, FRAMES);
    }

    /** K-weighting with peak, sum and sum of squares, a pair of channels (the unit it works in). */
    @Benchmark
    @OperationsPerInvocation(FRAMES * 2)
    public double kWeighting() {
        kWeighting.filterAndMeasure(0, stereo, 0, 1, 2, FRAMES, stats, otherStats);
        return stats.weightedSquares() + otherStats.weightedSquares();
    }

    /** Inter-sample peaks, one channel (4x oversampling at 48 kHz). */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public double truePeak() {
        return truePeak.interSamplePeak(mono, TruePeakMeter.history(), FRAMES);
    }

    /** The same on the plain-Java loops: the peer of {@link #truePeak} in the same run. */
    @Benchmark
    @Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", SCALAR})
    @OperationsPerInvocation(FRAMES)
    public double truePeakScalar() {
        return truePeak.interSamplePeak(mono, TruePeakMeter.history(), FRAMES);
    }

    /**
     * A sidecar's mono tap per {@link MeterMode}, fed as the sidecar feeds it: 256-frame blocks of the
     * sidecar bench's signal (a steady 1500 Hz sine at -12 dBFS, the true peak's worst case: it never
     * skips a chunk). {@code eightTaps*} compare eight taps metered one after the other with the same eight
     * metered together ({@link MonoGroup}) on each of its lanes (vector and scalar pairs), in the same run. Run:
     * {@code java -jar engine/target/gainstage-engine-*-benchmarks.jar 'Tap'}.
     */
    @State(Scope.Thread)
    public static class Taps {
        static final int BLOCK = 256;
        static final int BLOCKS = 16;

        @Param({"FULL", "PEAKS_AND_LOUDNESS", "LOUDNESS", "LEVELS"})
        String mode;

        float[][] blocks;
        StageMeter one;
        StageMeter[] eight = new StageMeter[MonoGroup.WIDTH];
        MonoGroup group;

        @Setup
        public void setUp() throws ReflectiveOperationException {
            MeterMode m = (MeterMode) MeterMode.class.getField(mode).get(null);
            blocks = new float[BLOCKS][BLOCK];
            double amplitude = Math.pow(10, -12 / 20.0);
            for (int k = 0; k < BLOCKS; k++) {
                for (int i = 0; i < BLOCK; i++) {
                    blocks[k][i] = (float) (amplitude * Math.sin(2 * Math.PI * 1500 * (k * BLOCK + i) / 48_000.0));
                }
            }
            one = meter(m);
            for (int i = 0; i < eight.length; i++) {
                eight[i] = meter(m);
            }
            group = new MonoGroup();
        }

        private static StageMeter meter(MeterMode m) {
            StageMeter meter = new StageMeter(MeterOptions.defaults());
            meter.mode(m);
            meter.initialize(48_000, 1, BLOCK);
            return meter;
        }
    }

    @Benchmark
    @OperationsPerInvocation(Taps.BLOCK * Taps.BLOCKS)
    public void oneTap(Taps t) {
        for (float[] block : t.blocks) {
            t.one.process(block, 0, Taps.BLOCK);
        }
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", SCALAR})
    @OperationsPerInvocation(Taps.BLOCK * Taps.BLOCKS)
    public void oneTapScalar(Taps t) {
        oneTap(t);
    }

    @Benchmark
    @OperationsPerInvocation(MonoGroup.WIDTH * Taps.BLOCK * Taps.BLOCKS)
    public void eightTapsAlone(Taps t) {
        for (float[] block : t.blocks) {
            for (StageMeter m : t.eight) {
                m.process(block, 0, Taps.BLOCK);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MonoGroup.WIDTH * Taps.BLOCK * Taps.BLOCKS)
    public void eightTapsGrouped(Taps t) {
        grouped(t);
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", SCALAR})
    @OperationsPerInvocation(MonoGroup.WIDTH * Taps.BLOCK * Taps.BLOCKS)
    public void eightTapsGroupedScalar(Taps t) {
        grouped(t);
    }

    private static void grouped(Taps t) {
        for (float[] block : t.blocks) {
            for (StageMeter m : t.eight) {
                t.group.add(m, block);
            }
            t.group.process(Taps.BLOCK);
        }
    }
}
