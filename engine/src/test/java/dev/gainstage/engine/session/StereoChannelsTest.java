package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.transport.protos.ViewProtos;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.SessionView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A stereo stage through the session into the view: a bar per channel, beside the combined figures. */
class StereoChannelsTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = 4_800;
    private static final TapKey SOURCE = new TapKey("st/source", TapPoint.OUTPUT);

    @Test
    void aHardPannedStereoSourceShowsEachChannelInTheView() throws Exception {
        SessionEngine engine = Blocks.engine("stereo");
        TestLink link = new TestLink();
        engine.attach(link, "stereo");
        Strip stereo = new Strip(
                "st",
                "Keys",
                StripKind.AUDIO_TRACK,
                2,
                List.of(new Stage("st/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), "")),
                List.of());
        engine.onSnapshot(1, List.of(stereo));
        int handle = link.plan.entrySet().stream()
                .filter(e -> e.getValue().equals(SOURCE))
                .findFirst()
                .orElseThrow()
                .getKey();
        for (int b = 0; b < 10; b++) {
            engine.onTaps(List.of(leftOnly(handle, (long) b * FRAMES, 0.5)));
        }
        assertEquals(2, engine.state().channelLevels(SOURCE).size());

        SessionView view = ViewProtos.view(engine.state());
        Levels out = view.getRows(0).getStages(0).getOutput();
        assertEquals(2, out.getChannelsCount());
        assertEquals(-6.02, out.getChannels(0).getSamplePeakDbfs(), 0.05);
        assertEquals(-6.02, out.getChannels(0).getPeakHoldDbfs(), 0.05);
        assertTrue(
                out.getChannels(0).getTruePeakHoldDbtp() >= out.getChannels(0).getPeakHoldDbfs());
        assertFalse(out.getChannels(1).hasSamplePeakDbfs(), "the right channel is silent: " + out.getChannels(1));
        assertFalse(out.getChannels(1).hasPeakHoldDbfs());
        assertEquals(out.getSamplePeakDbfs(), out.getChannels(0).getSamplePeakDbfs(), 1e-12, "combined = loudest");
    }

    @Test
    void aMonoTapHasItsCombinedFiguresOnly() throws Exception {
        SessionEngine engine = Blocks.engine("mono");
        TestLink link = new TestLink();
        engine.attach(link, "mono");
        engine.onSnapshot(1, List.of(Blocks.track("t", "")));
        int handle = link.plan.keySet().iterator().next();
        engine.onTaps(List.of(Blocks.block(handle, RATE, 0, Blocks.sine(RATE, 1000, 0.5, 0, FRAMES))));
        assertEquals(
                0,
                ViewProtos.view(engine.state())
                        .getRows(0)
                        .getStages(0)
                        .getOutput()
                        .getChannelsCount());
    }

    /** A stereo block: a 1 kHz sine of {@code amplitude} on the left, silence on the right. */
    private static TapBlockData leftOnly(int handle, long position, double amplitude) {
        ByteBuffer b = ByteBuffer.allocate(FRAMES * 2 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < FRAMES; f++) {
            b.putFloat((float) (amplitude * Math.sin(2 * Math.PI * 1000 * (position + f) / RATE)));
            b.putFloat(0);
        }
        b.flip();
        return new TapBlockData(handle, RATE, 2, FRAMES, position, b);
    }
}
