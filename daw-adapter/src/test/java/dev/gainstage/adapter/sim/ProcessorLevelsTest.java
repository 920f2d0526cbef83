package dev.gainstage.adapter.sim;

import static dev.gainstage.adapter.sim.SimSessionRendererTest.assertPeak;
import static dev.gainstage.adapter.sim.TestSessions.renderer;
import static dev.gainstage.adapter.sim.TestSessions.sineTrack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessorLevelsTest {
    private static TapRecorder compressed(double makeupDb) {
        return TapRecorder.record(renderer(sineTrack("t", 2, -6, """
        plugins { id: "comp" name: "Comp" active: true
          compressor { threshold_db: -20 ratio: 4 attack_ms: 5 release_ms: 100 makeup_db: %s } }
        """.formatted(makeupDb))), 2, 1);
    }

    @Test
    void compressorReducesAboveThresholdAndMakeupRaisesTheLevelByItsAmount() {
        TapRecorder plain = compressed(0);
        TapRecorder madeUp = compressed(8);
        double reduction = plain.in("t/comp").rmsDbfs() - plain.out("t/comp").rmsDbfs();
        // 14 dB over the threshold at 4:1 asks for 10.5 dB of reduction; the peak detector ripples a little.
        assertEquals(10.5, reduction, 1.0);
        assertEquals(8, madeUp.out("t/comp").rmsDbfs() - plain.out("t/comp").rmsDbfs(), 0.01);
        assertTrue(madeUp.out("t/comp").rmsDbfs() > plain.in("t/comp").rmsDbfs() - reduction);
    }

    @Test
    void saturatorOutputCanExceed0dbfs() {
        TapRecorder taps = TapRecorder.record(
                renderer(sineTrack(
                        "t",
                        1,
                        -6,
                        "plugins { id: \"sat\" name: \"Sat\" active: true output_db: 3 saturator { drive_db: 12 } }")),
                0.5,
                0);
        double expected = 20 * Math.log10(Math.tanh(Math.pow(10, (-6 + 12) / 20.0))) + 3;
        assertPeak(expected, taps.out("t/sat"));
        assertTrue(taps.out("t/sat").peakDbfs() > 0, "a float plugin output above 0 dBFS is legal and not clamped");
    }

    @Test
    void limiterHoldsTheCeilingEvenWithInputGain() {
        TapRecorder taps = TapRecorder.record(
                renderer(
                        sineTrack(
                                "t",
                                2,
                                -3,
                                "plugins { id: \"lim\" name: \"Lim\" active: true limiter { ceiling_db: -1 release_ms: 50 input_gain_db: 6 } }")),
                1,
                0.5);
        assertTrue(
                taps.out("t/lim").peakDbfs() <= -1 + 1e-4,
                "peak " + taps.out("t/lim").peakDbfs());
        assertPeak(-1, taps.out("t/lim"));
    }

    @ParameterizedTest(name = "{0} at {1} Hz, {2} dB, on a {3} Hz sine: {4} dB")
    @CsvSource({
        "SIM_LOW_SHELF, 1000, 6, 40, 6",
        "SIM_HIGH_SHELF, 1000, 6, 16000, 6",
        "SIM_PEAK, 1000, -4.5, 1000, -4.5",
        "SIM_LOW_SHELF, 1000, 6, 16000, 0",
        "SIM_HIGH_SHELF, 1000, 6, 40, 0",
    })
    void equalizerBandsApplyTheirGainWhereTheyAct(
            String type, double bandHz, double bandDb, double sineHz, double expectedDb) {
        TapRecorder taps = TapRecorder.record(renderer("""
        tracks { id: "t" channels: 1 source { generator { type: SIM_SINE peak_dbfs: -12 frequency_hz: %s } }
          plugins { id: "eq" name: "EQ" active: true eq { bands { type: %s frequency_hz: %s gain_db: %s } } } }
        """.formatted(sineHz, type, bandHz, bandDb)), 1, 0.5);
        // Far past a shelf's corner (4 octaves) it gives its full gain or none; a peak gives it at its centre.
        assertEquals(expectedDb, taps.out("t/eq").peakDbfs() - taps.in("t/eq").peakDbfs(), 0.1);
    }

    @Test
    void equalizerHighPassRemovesLowSine() {
        TapRecorder taps = TapRecorder.record(renderer("""
        tracks { id: "t" channels: 1 source { generator { type: SIM_SINE peak_dbfs: -12 frequency_hz: 50 } }
          plugins { id: "hp" name: "HP" active: true eq { bands { type: SIM_HIGH_PASS frequency_hz: 500 } } } }
        """), 1, 0.5);
        // A 2nd-order high-pass one decade below its corner: about -40 dB.
        assertEquals(-52, taps.out("t/hp").peakDbfs(), 1.0);
    }
}
