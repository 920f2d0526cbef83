package dev.gainstage.engine.metering.bench;

import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;
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
 * A sidecar's mono tap per {@link MeterMode}, fed as the sidecar feeds it: 256-frame blocks of the
 * sidecar bench's signal (a steady 1500 Hz sine at -12 dBFS, the true peak's worst case: it never
 * skips a chunk). ops/s is samples per second of one tap; {@code twoTaps*} compare two taps metered
 * one after the other with the same two metered together ({@link StageMeter#processPair}), in the
 * same run. Run: {@code java -jar engine/target/gainstage-engine-*-benchmarks.jar ModeBenchmarks}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ModeBenchmarks {
    static final int BLOCK = 256;
    static final int BLOCKS = 16;

    @Param({"FULL", "PEAKS_AND_LOUDNESS", "LOUDNESS", "LEVELS"})
    String mode;

    private float[][] blocks;
    private StageMeter one;
    private StageMeter a;
    private StageMeter b;

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
        a = meter(m);
        b = meter(m);
    }

    private static StageMeter meter(MeterMode m) {
        StageMeter meter = new StageMeter(MeterOptions.defaults());
        meter.mode(m);
        meter.initialize(48_000, 1, BLOCK);
        return meter;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK * BLOCKS)
    public void oneTap() {
        for (float[] block : blocks) {
            one.process(block, 0, BLOCK);
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BLOCK * BLOCKS)
    public void twoTapsAlone() {
        for (float[] block : blocks) {
            a.process(block, 0, BLOCK);
            b.process(block, 0, BLOCK);
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BLOCK * BLOCKS)
    public void twoTapsPaired() {
        for (float[] block : blocks) {
            StageMeter.processPair(a, block, b, block, BLOCK);
        }
    }
}
