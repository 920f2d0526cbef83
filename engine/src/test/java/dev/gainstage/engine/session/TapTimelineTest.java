package dev.gainstage.engine.session;

import static dev.gainstage.engine.session.Blocks.block;
import static dev.gainstage.engine.session.Blocks.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.metering.StageMeter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Through the session: its time comes from the blocks' sample positions, a gap starts the taps it
 * hits afresh instead of splicing, and a new sample rate does not stall the ticks.
 */
class TapTimelineTest {
    private static final int RATE = 48_000;
    /** 100 ms: one tick each. */
    private static final int FRAMES = 4_800;

    private static final TapKey SOURCE = new TapKey("t/source", TapPoint.OUTPUT);
    /** The master's output: every figure, true peak included (a source's tap has none, see TapModes). */
    private static final TapKey MASTER = new TapKey("m/output", TapPoint.OUTPUT);

    @Test
    void aGapStartsTheTapsMeterAfreshInsteadOfSplicing() throws Exception {
        // 1 kHz at -6 dBFS ending on its positive crest; after the gap it resumes on its negative
        // crest. Spliced, the jump of twice the amplitude rings in the true-peak and K-weighting filters.
        float[] before = sine(RATE, 1000, 0.5, Math.PI / 2 - 2 * Math.PI * 1000 * (FRAMES - 1) / RATE, FRAMES);
        float[] after = sine(RATE, 1000, 0.5, -Math.PI / 2, FRAMES);
        MeterReading spliced = meter(MeterMode.FULL, before, after);
        MeterReading alone = meter(MeterMode.FULL, after);
        assertTrue(
                spliced.truePeakDbtp() > alone.truePeakDbtp() + 0.5,
                "spliced " + spliced.truePeakDbtp() + ", alone " + alone.truePeakDbtp()
                        + ": the splice must show (spliced " + spliced.truePeakDbtp() + " dBTP, alone "
                        + alone.truePeakDbtp() + ") or this test proves nothing");

        SessionEngine engine = Blocks.engine("gap");
        TestLink link = new TestLink();
        engine.attach(link, engine.sessionKey());
        engine.onSnapshot(1, List.of(Blocks.master("m")));
        int handle = handle(link.plan, MASTER);
        engine.onTaps(List.of(block(handle, RATE, 0, before)));
        engine.onTaps(List.of(block(handle, RATE, FRAMES + 3 * 256, after))); // three 256-frame periods dropped
        assertEquals(alone, engine.state().reading(MASTER), "after the gap the tap reads the new audio alone");
        assertEquals(0.2, engine.state().audioSeconds(), 1e-9, "the gap is not counted as heard");
    }

    @Test
    void adjacentBlocksAreMeteredAsOneStream() throws Exception {
        float[] first = sine(RATE, 1000, 0.5, 0, FRAMES);
        float[] second = sine(RATE, 1000, 0.5, 2 * Math.PI * 1000 * FRAMES / RATE, FRAMES);
        SessionEngine engine = Blocks.engine("adjacent");
        int handle = source(engine);
        engine.onTaps(List.of(block(handle, RATE, 10_000, first)));
        engine.onTaps(List.of(block(handle, RATE, 10_000 + FRAMES, second)));
        assertEquals(meter(MeterMode.LOUDNESS, first, second), engine.state().reading(SOURCE));
    }

    @Test
    void ticksGoOnAfterTheSampleRateChanges() throws Exception {
        SessionEngine engine = Blocks.engine("rate");
        int handle = source(engine);
        long position = 0;
        for (int b = 0; b < 20; b++, position += FRAMES) { // 2 s at 48 kHz
            engine.onTaps(List.of(block(handle, RATE, position, sine(RATE, 1000, 0.1, 0, FRAMES))));
        }
        assertEquals(2.0, engine.state().audioSeconds(), 1e-9);
        // The server restarts at 44.1 kHz, its frame counter from 0.
        int rate = 44_100;
        int frames = 4_410;
        for (int b = 0; b < 5; b++) {
            long version = engine.state().version();
            engine.onTaps(List.of(block(handle, rate, (long) b * frames, sine(rate, 1000, 0.1, 0, frames))));
            assertEquals(version + 1, engine.state().version(), "a tick after block " + b + " at the new rate");
            assertEquals(2.0 + 0.1 * (b + 1), engine.state().audioSeconds(), 1e-9);
        }
        assertEquals(5 * frames, engine.state().reading(SOURCE).frames(), "the reading is of the new rate's audio");
    }

    @Test
    void aGapOnOneTapLeavesTheOthersAlone() throws Exception {
        SessionEngine engine = Blocks.engine("one tap");
        engine.onSnapshot(1, List.of(Blocks.track("t", ""), Blocks.track("u", "")));
        TestLink link = new TestLink();
        engine.attach(link, "one tap");
        engine.onSnapshot(2, List.of(Blocks.track("t", ""), Blocks.track("u", "")));
        int t = handle(link.plan, SOURCE);
        int u = handle(link.plan, new TapKey("u/source", TapPoint.OUTPUT));
        float[] a = sine(RATE, 1000, 0.5, 0, FRAMES);
        float[] b = sine(RATE, 1000, 0.5, 2 * Math.PI * 1000 * FRAMES / RATE, FRAMES);
        engine.onTaps(List.of(block(t, RATE, 0, a), block(u, RATE, 0, a)));
        engine.onTaps(List.of(block(t, RATE, FRAMES + 1, b), block(u, RATE, FRAMES, b)));
        assertEquals(meter(MeterMode.LOUDNESS, b), engine.state().reading(SOURCE));
        assertEquals(meter(MeterMode.LOUDNESS, a, b), engine.state().reading(new TapKey("u/source", TapPoint.OUTPUT)));
        assertNotEquals(
                engine.state().reading(SOURCE), engine.state().reading(new TapKey("u/source", TapPoint.OUTPUT)));
    }

    /** A one-track session; returns its source's output handle. */
    private static int source(SessionEngine engine) throws Exception {
        TestLink link = new TestLink();
        engine.attach(link, engine.sessionKey());
        engine.onSnapshot(1, List.of(Blocks.track("t", "")));
        return handle(link.plan, SOURCE);
    }

    private static int handle(Map<Integer, TapKey> plan, TapKey key) {
        return plan.entrySet().stream()
                .filter(e -> e.getValue().equals(key))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /** What a fresh meter in {@code mode} reads after the blocks, fed as one stream. */
    private static MeterReading meter(MeterMode mode, float[]... blocks) {
        StageMeter m = new StageMeter(MeterOptions.defaults());
        m.mode(mode);
        m.initialize(RATE, 1, 4096);
        for (float[] b : blocks) {
            m.process(b, 0, b.length);
        }
        return m.reading();
    }
}
