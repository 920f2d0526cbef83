package dev.gainstage.engine.session;

import static dev.gainstage.engine.session.Blocks.block;
import static dev.gainstage.engine.session.Blocks.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterMode;
import dev.gainstage.engine.metering.MeterReading;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TapModesTest {
    private static final int RATE = 48_000;

    @Test
    void eachTapGetsTheFiguresItsRulesAndViewUse() throws Exception {
        Stage plugin = new Stage("t/eq", StageKind.PLUGIN, "EQ", "", true, OptionalDouble.empty(), "");
        Strip track = Blocks.track("t", "m");
        track = track.withStages(
                List.of(track.stages().get(0), plugin, track.stages().get(1)));
        Map<TapKey, MeterMode> modes = TapModes.of(SessionGraph.of(List.of(track, Blocks.master("m"))));
        assertEquals(MeterMode.LOUDNESS, modes.get(new TapKey("t/source", TapPoint.OUTPUT)));
        assertEquals(MeterMode.LOUDNESS, modes.get(new TapKey("t/eq", TapPoint.INPUT)));
        assertEquals(MeterMode.PEAKS_AND_LOUDNESS, modes.get(new TapKey("t/eq", TapPoint.OUTPUT)));
        assertEquals(MeterMode.LEVELS, modes.get(new TapKey("t/fader", TapPoint.INPUT)));
        assertEquals(MeterMode.LOUDNESS, modes.get(new TapKey("t/fader", TapPoint.OUTPUT)));
        assertEquals(MeterMode.FULL, modes.get(new TapKey("m/output", TapPoint.OUTPUT)));
        assertEquals(MeterMode.PEAKS_AND_LOUDNESS, modes.get(new TapKey("m/output", TapPoint.INPUT)));
    }

    /** A bus that becomes the master keeps its tap's handle and meter, and measures true peak from then on. */
    @Test
    void aTapsModeFollowsItsRoleLive() throws Exception {
        SessionEngine engine = Blocks.engine("roles");
        TestLink link = new TestLink();
        engine.attach(link, "roles");
        engine.onSnapshot(1, List.of(strip(StripKind.BUS)));
        TapKey out = new TapKey("m/output", TapPoint.OUTPUT);
        int handle = link.plan.entrySet().stream()
                .filter(e -> e.getValue().equals(out))
                .findFirst()
                .orElseThrow()
                .getKey();
        long position = 0;
        for (int b = 0; b < 10; b++, position += 4800) {
            engine.onTaps(List.of(block(handle, RATE, position, sine(RATE, 997, 0.5, 0, 4800))));
        }
        MeterReading bus = engine.state().reading(out);
        assertTrue(Double.isNaN(bus.truePeakDbtp()) && Double.isNaN(bus.integratedLufs()), "a bus: no true peak");
        assertFalse(Double.isNaN(bus.momentaryLufs()), "but its loudness");

        engine.onSnapshot(2, List.of(strip(StripKind.MASTER)));
        assertEquals(out, link.plan.get(handle), "the same handle");
        for (int b = 0; b < 10; b++, position += 4800) {
            engine.onTaps(List.of(block(handle, RATE, position, sine(RATE, 997, 0.5, 0, 4800))));
        }
        MeterReading master = engine.state().reading(out);
        assertEquals(2.0, master.seconds(), 1e-9, "the same meter, not a new one");
        assertTrue(master.truePeakDbtp() >= master.samplePeakDbfs(), "true peak " + master.truePeakDbtp());
        assertFalse(Double.isNaN(master.integratedLufs()), "the master has integrated loudness");
    }

    private static Strip strip(StripKind kind) {
        return new Strip(
                "m",
                "Mix",
                kind,
                1,
                List.of(new Stage("m/output", StageKind.OUTPUT, "Output", "", true, OptionalDouble.empty(), "")),
                List.of());
    }
}
