package dev.gainstage.adapter.ardour.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Route descriptions as the bridge (gainstage-bridge.lua) writes them on Ardour 7.3. */
class FrameAssemblerTest {
    static final String VOX = String.join(
            "\n",
            "R\t121\tVox\ttrack\t1\t1\t329\t-7.000\tVox/audio_out 1,Vox/audio_out 2",
            "P\t171\ttrim\tTrim\t\t1\t1.0\t\t",
            "C\t369\t1\tGain\t15.0\t-20.0\t20.0",
            "P\t369\tplugin\tACE Amplifier\tab0881f761420ca67ad08856c7daf5c2b13a0d49\t1\t\tsend 2/audio_send 1\t",
            "P\t168\tfader\tFader\t\t1\t0.31622776389122\tsend 3/audio_send 1\t",
            "P\t173\toutput\tmain outs\t\t1\t\tsend 4/audio_send 1\t");
    static final String MASTER = String.join(
            "\n",
            "R\t28\tMaster\tmaster\t1\t2\t\t-1000.000\tMaster/audio_out 1,Master/audio_out 2",
            "P\t60\ttrim\tTrim\t\t1\t1.0\t\t",
            "P\t58\tfader\tFader\t\t1\t1.0\tsend 16/audio_send 1,send 16/audio_send 2\t",
            "P\t62\toutput\tmain outs\t\t1\t\tsend 17/audio_send 1,send 17/audio_send 2\t");

    @Test
    void readsARouteDescription() throws BridgeFormatException {
        BridgeRoute vox = RouteDescriptions.parse(VOX);
        assertEquals("121", vox.id());
        assertEquals(RouteKind.TRACK, vox.kind());
        assertEquals(1, vox.inputs());
        assertEquals(List.of("329"), vox.feeds());
        assertEquals(-7.0, vox.meterMaxPeakDb().orElseThrow());
        assertEquals(List.of("Vox/audio_out 1", "Vox/audio_out 2"), vox.outputPorts());
        assertEquals(4, vox.processors().size());
        BridgeProcessor amp = vox.processors().get(1);
        assertEquals(ProcessorKind.PLUGIN, amp.kind());
        assertEquals(List.of(new PluginControl(1, "Gain", 15, -20, 20)), amp.controls());
        assertEquals(List.of("send 2/audio_send 1"), amp.tapPorts());
        assertEquals(0.31622776389122, vox.processors().get(2).gainCoefficient().orElseThrow());
        assertTrue(vox.processors().getFirst().tapPorts().isEmpty());
        BridgeRoute master = RouteDescriptions.parse(MASTER);
        assertTrue(master.meterMaxPeakDb().isEmpty(), "-1000 dB is Ardour's meter showing nothing");
        assertTrue(master.feeds().isEmpty());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(BridgeFormatException.class, () -> RouteDescriptions.parse("P\t1\ttrim\tTrim\t\t1\t1\t\t"));
        assertThrows(BridgeFormatException.class, () -> RouteDescriptions.parse(VOX.replace("track", "tram")));
        assertThrows(BridgeFormatException.class, () -> RouteDescriptions.parse(VOX.replace("\t-7.000", "")));
        assertThrows(
                BridgeFormatException.class, () -> RouteDescriptions.parse(VOX.replace("\tplugin\t", "\tinsert\t")));
    }

    @Test
    void assemblesAFrameAndDropsOneWithALostRoute() throws BridgeFormatException {
        FrameAssembler a = new FrameAssembler();
        assertTrue(a.accept(frame(7, 2)).isEmpty());
        assertTrue(a.accept(OscMessage.of("/gainstage/route", 7, 1, MASTER)).isEmpty());
        assertTrue(a.accept(OscMessage.of("/gainstage/route", 7, 0, VOX)).isEmpty());
        Optional<BridgeFrame> f = a.accept(OscMessage.of("/gainstage/end", 7));
        assertTrue(f.isPresent());
        assertEquals(
                List.of("121", "28"),
                f.get().routes().stream().map(BridgeRoute::id).toList());
        assertEquals("/tmp/s", f.get().sessionPath());
        assertTrue(f.get().rolling());

        a.accept(frame(8, 2));
        a.accept(OscMessage.of("/gainstage/route", 8, 0, VOX));
        assertFalse(a.accept(OscMessage.of("/gainstage/end", 8)).isPresent(), "route 1 of frame 8 was lost");
        a.accept(frame(9, 1));
        a.accept(OscMessage.of("/gainstage/route", 8, 0, VOX)); // late message of an older frame
        assertFalse(a.accept(OscMessage.of("/gainstage/end", 9)).isPresent());
        assertEquals(2, a.dropped());
    }

    @Test
    void aFrameSaysWhichArdourSentItAndAnOlderBridgesFrameStillReads() throws BridgeFormatException {
        FrameAssembler a = new FrameAssembler();
        a.accept(OscMessage.of("/gainstage/frame", 1, "/tmp/s", "s", 1, 1, 48000.0, "9.8.0~ds-1"));
        a.accept(OscMessage.of("/gainstage/route", 1, 0, VOX));
        assertEquals(
                "9.8.0~ds-1",
                a.accept(OscMessage.of("/gainstage/end", 1)).orElseThrow().ardourRevision());
        a.accept(frame(2, 1)); // a bridge from before the revision was reported (a GUI hook installed earlier)
        a.accept(OscMessage.of("/gainstage/route", 2, 0, VOX));
        assertEquals(
                "", a.accept(OscMessage.of("/gainstage/end", 2)).orElseThrow().ardourRevision());
        assertThrows(BridgeFormatException.class, () -> a.accept(OscMessage.of("/gainstage/frame", 3, "/tmp/s", "s")));
    }

    @Test
    void aBadRouteLeavesTheFrameIncomplete() throws BridgeFormatException {
        FrameAssembler a = new FrameAssembler();
        a.accept(frame(1, 1));
        assertThrows(BridgeFormatException.class, () -> a.accept(OscMessage.of("/gainstage/route", 1, 0, "R\tbad")));
        assertTrue(a.accept(OscMessage.of("/gainstage/end", 1)).isEmpty());
    }

    private static OscMessage frame(int n, int routes) {
        return OscMessage.of("/gainstage/frame", n, "/tmp/s", "s", routes, 1, 48000.0);
    }
}
