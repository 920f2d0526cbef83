package dev.gainstage.adapter.sim;

import static dev.gainstage.adapter.sim.TestSessions.renderer;
import static dev.gainstage.adapter.sim.TestSessions.sineTrack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gainstage.proto.v1.TapPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimSessionRendererTest {
    private static final double TOLERANCE_DB = 0.05;
    private static final double PAN_LAW_DB = 20 * Math.log10(Math.sqrt(0.5)); // -3.0103

    @Test
    void chainOfKnownGainsGivesTheExpectedPeakAtEveryTap() {
        SimSessionRenderer r = renderer(sineTrack("t", 1, -12, """
        trim_db: -3
        plugins { id: "gain" name: "Amp" active: true gain { gain_db: 6 } }
        plugins { id: "eq" name: "EQ" active: true eq {
          bands { type: SIM_PEAK frequency_hz: 1000 q: 1 gain_db: 0 }
          bands { type: SIM_LOW_SHELF frequency_hz: 200 gain_db: 0 }
          bands { type: SIM_HIGH_SHELF frequency_hz: 5000 gain_db: 0 } } }
        fader_db: -2
        """));
        TapRecorder taps = TapRecorder.record(r, 1, 0.1);

        assertPeak(-12, taps.out("t/source"));
        assertPeak(-12, taps.in("t/trim"));
        assertPeak(-15, taps.out("t/trim"));
        assertPeak(-15, taps.in("t/gain"));
        assertPeak(-9, taps.out("t/gain"));
        assertPeak(-9, taps.in("t/eq"));
        assertPeak(-9, taps.out("t/eq"));
        assertPeak(-9, taps.in("t/fader"));
        assertPeak(-11, taps.out("t/fader"));
        assertPeak(-11, taps.in("t/output"));
        assertPeak(-11, taps.out("t/output"));
        assertPeak(-11 + PAN_LAW_DB, taps.out("master/source"));
        assertPeak(-11 + PAN_LAW_DB, taps.out("master/output"));
        assertFalse(taps.has("t/source", TapPoint.TAP_POINT_INPUT), "a source has no input tap");
    }

    @Test
    void monoTrackReachesStereoMasterAtMinus3dbOnBothChannelsAndStaysMonoItself() {
        SimSessionRenderer r = renderer(sineTrack("mono", 1, -6));
        Map<String, Integer> channels = new HashMap<>();
        float[] master = new float[2 * r.blockFrames()];
        r.renderBlock((id, point, buf, ch, frames, pos) -> {
            channels.put(id, ch);
            if (id.equals("master/source")) {
                System.arraycopy(buf, 0, master, 0, ch * frames);
            }
        });
        assertEquals(1, channels.get("mono/output"));
        assertEquals(2, channels.get("master/source"));
        double left = 0;
        double right = 0;
        for (int f = 0; f < r.blockFrames(); f++) {
            assertEquals(master[2 * f], master[2 * f + 1], "a centred mono source is identical on both channels");
            left = Math.max(left, Math.abs(master[2 * f]));
            right = Math.max(right, Math.abs(master[2 * f + 1]));
        }
        assertEquals(-6 + PAN_LAW_DB, 20 * Math.log10(left), TOLERANCE_DB);
        assertEquals(-6 + PAN_LAW_DB, 20 * Math.log10(right), TOLERANCE_DB);
    }

    @Test
    void busSumsTwoInPhaseSinesAndFeedsTheNextBusWithinTheSameBlock() {
        // Two stereo 1 kHz sines in phase: the sum's amplitude is the sum of the amplitudes.
        SimSessionRenderer r =
                renderer(sineTrack("a", 2, -12, "output: \"sub\"") + sineTrack("b", 2, -18, "output: \"sub\"")
                        + "buses { id: \"group\" }\n"
                        + "buses { id: \"sub\" output: \"group\" }\n");
        TapRecorder taps = TapRecorder.record(r, 0.5, 0);
        double expected = 20 * Math.log10(Math.pow(10, -12 / 20.0) + Math.pow(10, -18 / 20.0));
        assertPeak(expected, taps.out("sub/source"));
        assertPeak(expected, taps.out("group/source"));
        assertPeak(expected, taps.out("master/source"));
    }

    @Test
    void deactivatedPluginPassesAudioUnchanged() {
        SimSessionRenderer r = renderer(sineTrack(
                "t",
                1,
                -12,
                "plugins { id: \"sat\" name: \"Sat\" active: false output_db: 6 saturator { drive_db: 24 } }"));
        List<float[]> seen = new ArrayList<>();
        r.renderBlock((id, point, buf, ch, frames, pos) -> {
            if (id.equals("t/sat")) {
                seen.add(java.util.Arrays.copyOf(buf, ch * frames));
            }
        });
        assertEquals(2, seen.size());
        assertArrayEquals(seen.get(0), seen.get(1));
    }

    @Test
    void signalsAbove0dbfsPassUnclamped() {
        SimSessionRenderer r = renderer(sineTrack("t", 2, -3, "trim_db: 9"));
        TapRecorder taps = TapRecorder.record(r, 0.2, 0);
        assertPeak(6, taps.out("t/output"));
        assertPeak(6, taps.out("master/output"));
    }

    @Test
    void trackWithoutSourceIsSilent() {
        SimSessionRenderer r = renderer("tracks { id: \"empty\" channels: 2 trim_db: 12 }\n" + sineTrack("t", 1, -12));
        float[] peak = new float[1];
        r.renderBlock((id, point, buf, ch, frames, pos) -> {
            if (id.startsWith("empty/")) {
                for (int i = 0; i < ch * frames; i++) {
                    peak[0] = Math.max(peak[0], Math.abs(buf[i]));
                }
            }
        });
        assertEquals(0f, peak[0]);
    }

    @Test
    void positionCountsRenderedFramesAndTapsCarryTheBlockStart() {
        SimSessionRenderer r = renderer(sineTrack("t", 1, -12));
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            r.renderBlock((id, point, buf, ch, frames, pos) -> {
                if (id.equals("t/source")) {
                    positions.add(pos);
                }
            });
        }
        assertEquals(List.of(0L, 256L, 512L), positions);
        assertEquals(768, r.position());
    }

    static void assertPeak(double expectedDb, TapMeter meter) {
        assertEquals(expectedDb, meter.peakDbfs(), TOLERANCE_DB);
    }
}
