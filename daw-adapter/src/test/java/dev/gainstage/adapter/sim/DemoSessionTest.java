package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TapPoint;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in demo is mis-staged on purpose, once per rule; everything else must be well staged. */
class DemoSessionTest {
    private static final Set<String> MIS_STAGED_PLUGINS = Set.of("vox/comp", "bass/sat");
    private static SimSessionRenderer renderer;
    private static TapRecorder taps;

    @BeforeAll
    static void renderTwoPatterns() throws Exception {
        renderer = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
        // Two four-bar patterns at 110 bpm (2 × 8.73 s): every hit and phrase at least twice.
        taps = TapRecorder.record(renderer, 18, 0);
    }

    @Test
    void runsAt48kHzIn256FrameBlocks() {
        assertEquals(48_000, renderer.sampleRate());
        assertEquals(256, renderer.blockFrames());
        List<String> strips =
                renderer.snapshot(0).getStripsList().stream().map(Strip::getId).toList();
        assertEquals(List.of("kick", "snare", "hats", "bass", "keys", "pad", "vox", "bvox", "drums", "master"), strips);
    }

    @Test
    void kickSourceIsTooHot() {
        assertEquals(-1.5, taps.out("kick/source").peakDbfs(), 0.05);
    }

    @Test
    void backingVoxSourceIsTooQuiet() {
        assertEquals(-30, taps.out("bvox/source").peakDbfs(), 0.05);
    }

    @Test
    void otherSourcesPeakBetweenMinus12AndMinus6() {
        for (String track : List.of("snare", "hats", "bass", "keys", "pad", "vox")) {
            double peak = taps.out(track + "/source").peakDbfs();
            assertTrue(peak >= -12 && peak <= -6, track + " source peaks at " + peak);
        }
    }

    @Test
    void leadVoxCompressorMakeupAddsFourToSixDb() {
        double added = taps.out("vox/comp").rmsDbfs() - taps.in("vox/comp").rmsDbfs();
        assertTrue(added >= 4 && added <= 6, "compressor adds " + added + " dB RMS");
    }

    @Test
    void bassSaturatorOutputExceeds0dbfs() {
        assertTrue(
                taps.out("bass/sat").peakDbfs() > 1,
                "saturator out " + taps.out("bass/sat").peakDbfs());
    }

    @Test
    void drumBusAndMasterOutputsExceed0dbfs() {
        assertTrue(
                taps.out("drums/output").peakDbfs() > 0.5,
                "drum bus " + taps.out("drums/output").peakDbfs());
        assertTrue(
                taps.out("master/output").peakDbfs() > 0.5,
                "master " + taps.out("master/output").peakDbfs());
    }

    @Test
    void otherPluginsAreLevelMatchedInShortTermLoudness() {
        for (Strip strip : renderer.snapshot(0).getStripsList()) {
            for (Stage stage : strip.getStagesList()) {
                if (stage.getKind() != StageKind.STAGE_KIND_PLUGIN || MIS_STAGED_PLUGINS.contains(stage.getId())) {
                    continue;
                }
                List<Double> in = taps.in(stage.getId()).shortTermLufs();
                List<Double> out = taps.out(stage.getId()).shortTermLufs();
                assertTrue(in.size() >= 5);
                for (int w = 0; w < in.size(); w++) {
                    assertEquals(in.get(w), out.get(w), 0.5, stage.getId() + " window " + w);
                }
            }
        }
    }

    @Test
    void everyStageHasAnInputAndAnOutputTapExceptSourcesWhichHaveNoInput() {
        int expected = 0;
        for (Strip strip : renderer.snapshot(0).getStripsList()) {
            for (Stage stage : strip.getStagesList()) {
                boolean source = stage.getKind() == StageKind.STAGE_KIND_SOURCE;
                assertTrue(taps.has(stage.getId(), TapPoint.TAP_POINT_OUTPUT), stage.getId());
                assertEquals(!source, taps.has(stage.getId(), TapPoint.TAP_POINT_INPUT), stage.getId());
                expected += source ? 1 : 2;
            }
        }
        long seen = taps.all().values().stream()
                .mapToLong(p -> Arrays.stream(p).filter(Objects::nonNull).count())
                .sum();
        assertEquals(expected, seen, "no tap outside the snapshot's stages");
    }
}
