package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRuleSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Metering a batch on several threads must give exactly what one thread gives: every tap's meter
 * is fed by one thread, in order, and a refused batch still leaves every meter untouched.
 */
class ParallelMeteringTest {
    private static final int TAPS = 200;
    private static final int FRAMES = 256;
    private static final MeterPool POOL = new MeterPool(4);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @Test
    void parallelReadingsEqualSerialReadings() throws Exception {
        Rig serial = new Rig(MeterPool.inline());
        Rig parallel = new Rig(POOL);
        SplittableRandom random = new SplittableRandom(7);
        for (int b = 0; b < 60; b++) {
            feedBoth(serial, parallel, batch(serial.handles, b, random.split()));
        }
        assertEquals(TAPS, parallel.engine.state().readings().size());
        assertEquals(
                byStage(serial.engine.state().readings()),
                byStage(parallel.engine.state().readings()));
        assertEquals(
                serial.engine.state().audioSeconds(), parallel.engine.state().audioSeconds());
    }

    /**
     * Mono blocks of one length go to their meters in groups ({@code MonoGroup}); blocks of another length in
     * between must end a group, and every meter must read what it reads when each block comes in a batch of its own
     * (never grouped). The lengths change from batch to batch, so groups are cut at different taps each time.
     */
    @Test
    void groupedMetersReadAsMetersFedOneBlockPerBatch() throws Exception {
        Rig grouped = new Rig(POOL);
        Rig single = new Rig(MeterPool.inline());
        SplittableRandom random = new SplittableRandom(5);
        long[] positions = new long[TAPS];
        for (int b = 0; b <= 40; b++) {
            List<TapBlockData> batch = new ArrayList<>(TAPS);
            for (int t = 0; t < TAPS; t++) {
                // The last batch, alike for both, cannot be grouped (every other block is one frame longer) and
                // is long enough for a tick, which publishes the readings with every block metered.
                int frames = b == 40 ? 4800 + t % 2 : (t / 3 + b) % 4 == 0 ? FRAMES / 2 : FRAMES;
                ByteBuffer buf = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < frames; i++) {
                    buf.putFloat((float) (0.3 * (2 * random.nextDouble() - 1)));
                }
                batch.add(new TapBlockData(grouped.handles[t], 48_000, 1, frames, positions[t], buf.flip()));
                positions[t] += frames;
            }
            grouped.engine.onTaps(batch);
            if (b == 40) {
                single.engine.onTaps(rewind(batch));
            } else {
                for (TapBlockData block : rewind(batch)) {
                    single.engine.onTaps(List.of(block));
                }
            }
        }
        assertEquals(TAPS, grouped.engine.state().readings().size());
        assertEquals(
                byStage(single.engine.state().readings()),
                byStage(grouped.engine.state().readings()));
    }

    @Test
    void aBatchCarryingOneTapTwiceMetersItInOrder() throws Exception {
        Rig serial = new Rig(MeterPool.inline());
        Rig parallel = new Rig(POOL);
        SplittableRandom random = new SplittableRandom(11);
        for (int b = 0; b < 40; b += 2) {
            // Two periods of every tap in one batch, as an adapter catching up sends them.
            List<TapBlockData> batch = new ArrayList<>(batch(serial.handles, b, random.split()));
            batch.addAll(batch(serial.handles, b + 1, random.split()));
            feedBoth(serial, parallel, batch);
        }
        assertEquals(
                byStage(serial.engine.state().readings()),
                byStage(parallel.engine.state().readings()));
    }

    @Test
    void aRefusedBatchLeavesEveryMeterAsItWas() throws Exception {
        Rig untouched = new Rig(MeterPool.inline());
        Rig refused = new Rig(POOL);
        SplittableRandom random = new SplittableRandom(3);
        for (int b = 0; b < 60; b++) {
            List<TapBlockData> batch = batch(untouched.handles, b, random.split());
            feedBoth(untouched, refused, batch);
            if (b == 10) {
                // The same blocks again with one NaN in the last: had any meter taken the good ones,
                // its readings would differ from the engine that never saw them.
                List<TapBlockData> bad = new ArrayList<>(rewind(batch));
                ByteBuffer nan = ByteBuffer.allocate(FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
                nan.putFloat(100 * 4, Float.NaN);
                TapBlockData last = bad.get(TAPS - 1);
                bad.set(TAPS - 1, new TapBlockData(last.handle(), 48_000, 1, FRAMES, last.samplePosition(), nan));
                TapBlockException e = assertThrows(TapBlockException.class, () -> refused.engine.onTaps(bad));
                assertTrue(e.getMessage().contains("taps.blocks[199].samples[100] is NaN"), e.getMessage());
            }
        }
        assertEquals(
                byStage(untouched.engine.state().readings()),
                byStage(refused.engine.state().readings()));
    }

    private static Map<String, Object> byStage(Map<TapKey, ?> readings) {
        Map<String, Object> m = new TreeMap<>();
        readings.forEach((k, v) -> m.put(k.stageId() + "/" + k.point(), v));
        return m;
    }

    private static void feedBoth(Rig first, Rig second, List<TapBlockData> batch) throws TapBlockException {
        first.engine.onTaps(batch);
        second.engine.onTaps(rewind(batch));
    }

    private static List<TapBlockData> rewind(List<TapBlockData> batch) {
        return batch.stream()
                .map(b -> new TapBlockData(
                        b.handle(),
                        b.sampleRate(),
                        b.channels(),
                        b.frames(),
                        b.samplePosition(),
                        b.samples().duplicate().rewind()))
                .toList();
    }

    /** One 256-frame block per tap: noise at a level of its own, so every meter reads differently. */
    private static List<TapBlockData> batch(int[] handles, int index, SplittableRandom random) {
        List<TapBlockData> blocks = new ArrayList<>(handles.length);
        for (int t = 0; t < handles.length; t++) {
            ByteBuffer buf = ByteBuffer.allocate(FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
            double amplitude = Math.pow(10, (-40 + 35.0 * t / handles.length) / 20);
            for (int i = 0; i < FRAMES; i++) {
                buf.putFloat((float) (amplitude * (2 * random.nextDouble() - 1)));
            }
            blocks.add(new TapBlockData(handles[t], 48_000, 1, FRAMES, (long) index * FRAMES, buf.flip()));
        }
        return blocks;
    }

    /** An engine with {@value #TAPS} mono tracks, each metered at its source's output. */
    private static final class Rig {
        final SessionEngine engine;
        final int[] handles = new int[TAPS];

        Rig(MeterPool pool) throws GraphException {
            engine = new SessionEngine(
                    "parallel",
                    RuleOverrides.NONE,
                    StagingRuleSet.standard(),
                    MeterOptions.defaults(),
                    pool,
                    Decisions.NONE,
                    new Blocks.NoSaving(),
                    "");
            TestLink link = new TestLink();
            engine.attach(link, "parallel");
            Map<Integer, TapKey> plan = link.plan;
            List<Strip> strips = new ArrayList<>();
            for (int i = 0; i < TAPS; i++) {
                strips.add(new Strip(
                        "t" + i,
                        "Track " + i,
                        StripKind.AUDIO_TRACK,
                        1,
                        List.of(new Stage(
                                "t" + i + "/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), "")),
                        List.of()));
            }
            engine.onSnapshot(1, strips);
            assertEquals(TAPS, plan.size());
            plan.forEach((handle, key) -> handles[
                    Integer.parseInt(key.stageId().substring(1, key.stageId().indexOf('/')))] = handle);
        }
    }
}
