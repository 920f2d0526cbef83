package dev.gainstage.adapter.sim;

import static dev.gainstage.adapter.sim.TestSessions.renderer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gainstage.proto.v1.SimGeneratorType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneratorTest {
    private static String track(String type, long seed, int channels) {
        return "tracks { id: \"g\" channels: " + channels + " source { generator { type: " + type
                + " peak_dbfs: -9 seed: " + seed + " } } }\n";
    }

    /** The source tap of track "g" for {@code blocks} blocks, concatenated. */
    private static float[] sourceSamples(SimSessionRenderer r, int blocks) {
        float[] all = new float[blocks * r.blockFrames() * 2];
        int[] filled = {0};
        for (int b = 0; b < blocks; b++) {
            r.renderBlock((id, point, buf, ch, frames, pos) -> {
                if (id.equals("g/source")) {
                    System.arraycopy(buf, 0, all, filled[0], ch * frames);
                    filled[0] += ch * frames;
                }
            });
        }
        return Arrays.copyOf(all, filled[0]);
    }

    @ParameterizedTest
    @EnumSource(
            value = SimGeneratorType.class,
            names = {"SIM_GENERATOR_TYPE_UNSPECIFIED", "UNRECOGNIZED"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyGeneratorPeaksExactlyAtItsPeakDbfs(SimGeneratorType type) {
        // One pattern is 16 beats at 110 bpm: 8.73 s. Ten seconds cover it.
        TapRecorder taps = TapRecorder.record(renderer(track(type.name(), 5, 2)), 10, 0);
        assertEquals(-9, taps.out("g/source").peakDbfs(), 0.01);
    }

    @Test
    void sameSeedRendersTheSameAudioAndAnotherSeedDoesNot() {
        float[] a = sourceSamples(renderer(track("SIM_DRUMS", 1, 1)), 200);
        float[] b = sourceSamples(renderer(track("SIM_DRUMS", 1, 1)), 200);
        float[] c = sourceSamples(renderer(track("SIM_DRUMS", 2, 1)), 200);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void loopSecondsRestartsTheSource() {
        // 1 s at 48 kHz is 200 blocks of 240 frames: block 200 starts the second loop.
        SimSessionRenderer r = renderer("loop_seconds: 1 block_frames: 240\n" + track("SIM_VOCAL", 3, 1));
        float[] twoLoops = sourceSamples(r, 400);
        assertArrayEquals(Arrays.copyOfRange(twoLoops, 0, 48_000), Arrays.copyOfRange(twoLoops, 48_000, 96_000));
    }
}
