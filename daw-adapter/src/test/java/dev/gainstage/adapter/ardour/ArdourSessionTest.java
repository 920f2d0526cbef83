package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.bridge.BridgeFormatException;
import dev.gainstage.adapter.ardour.bridge.BridgeFrame;
import dev.gainstage.adapter.ardour.bridge.PluginControl;
import dev.gainstage.adapter.ardour.bridge.RouteDescriptions;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TapPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArdourSessionTest {
    static final String GTR = String.join(
            "\n",
            "R\t189\tGtr\ttrack\t1\t2\t329\t-8.000\tGtr/audio_out 1,Gtr/audio_out 2",
            "P\t239\ttrim\tTrim\t\t1\t2.0\t\t",
            "C\t373\t5\tThreshold\t0\t-60\t0",
            "C\t373\t6\tMakeup\t6.0\t0.0\t30.0",
            "P\t373\tplugin\tACE Compressor\turn:ardour:a-comp\t0\t\tsend 6/audio_send 1,send 6/audio_send 2\t\tDynamics",
            "P\t400\tsend\tReverb\t\t1\t0.5\tsend 7/audio_send 1,send 7/audio_send 2\t329",
            "P\t236\tfader\tFader\t\t1\t0\tsend 8/audio_send 1,send 8/audio_send 2\t",
            "P\t241\toutput\tmain outs\t\t1\t\tsend 9/audio_send 1,send 9/audio_send 2\t");
    static final String MUSIC = String.join(
            "\n",
            "R\t329\tMusic\tbus\t1\t2\t28\t-2.925\tMusic/audio_out 1,Music/audio_out 2",
            "P\t362\ttrim\tTrim\t\t1\t1.0\t\t",
            "P\t359\tfader\tFader\t\t1\t1.0\tsend 13/audio_send 1,send 13/audio_send 2\t",
            "P\t364\toutput\tmain outs\t\t1\t\tsend 14/audio_send 1,send 14/audio_send 2\t");

    private static ArdourSession session() throws BridgeFormatException {
        return ArdourSession.from(new BridgeFrame(
                3, "/s/mix", "mix", true, 0, List.of(RouteDescriptions.parse(GTR), RouteDescriptions.parse(MUSIC))));
    }

    @Test
    void theDawIsNamedByTheRevisionArdourReports() {
        assertEquals("Ardour 7.3", ArdourSession.dawName("7.3.0~ds0-1")); // Debian bookworm
        assertEquals("Ardour 8.12", ArdourSession.dawName("8.12.0~ds-1")); // trixie
        assertEquals("Ardour 9.8", ArdourSession.dawName("9.8-12-g0a1b2c3")); // a build from git
        assertEquals("Ardour", ArdourSession.dawName(""));
        assertEquals("Ardour nightly", ArdourSession.dawName("nightly"));
    }

    @Test
    void stripsCarryArdoursIdsAndChainOrder() throws BridgeFormatException {
        ArdourSession s = session();
        assertEquals("ardour:/s/mix", s.key());
        Strip gtr = s.strips().getFirst();
        assertEquals("r189", gtr.getId());
        assertEquals(List.of("r329"), gtr.getOutputsList());
        assertEquals(2, gtr.getChannels());
        assertEquals(
                List.of("r189/source", "r189/p239", "r189/p373", "r189/p400", "r189/p236", "r189/p241"),
                gtr.getStagesList().stream().map(Stage::getId).toList());
        assertEquals(
                List.of(
                        StageKind.STAGE_KIND_SOURCE,
                        StageKind.STAGE_KIND_TRIM,
                        StageKind.STAGE_KIND_PLUGIN,
                        StageKind.STAGE_KIND_SEND,
                        StageKind.STAGE_KIND_FADER,
                        StageKind.STAGE_KIND_OUTPUT),
                gtr.getStagesList().stream().map(Stage::getKind).toList());
        Stage comp = gtr.getStages(2);
        assertEquals("urn:ardour:a-comp", comp.getPluginUri());
        assertEquals(dev.gainstage.proto.v1.PluginClass.PLUGIN_CLASS_DYNAMICS, comp.getPluginClass());
        assertEquals("Dynamics", comp.getPluginCategory(), "Ardour's own word, shown in warnings");
        assertFalse(comp.getActive());
        assertEquals(6.0, comp.getGainDb(), "a plugin's gain is its output control");
        assertEquals(20 * Math.log10(2), gtr.getStages(1).getGainDb(), 1e-9);
        assertEquals(ArdourSession.MIN_GAIN_DB, gtr.getStages(4).getGainDb(), "a fader at -inf");
        assertEquals("r329", gtr.getStages(3).getSendTarget());
    }

    @Test
    void tapsReadTheSourceAfterTrimWithTrimDividedOut() throws BridgeFormatException {
        ArdourSession s = session();
        TapSource source = s.taps().get(new ArdourSession.TapKey("r189/source", TapPoint.TAP_POINT_OUTPUT));
        assertEquals(List.of("send 6/audio_send 1", "send 6/audio_send 2"), source.ports());
        assertEquals(0.5, source.gain(), 1e-12);
        assertEquals(source, s.taps().get(new ArdourSession.TapKey("r189/p239", TapPoint.TAP_POINT_INPUT)));
        assertEquals(
                new TapSource(source.ports()),
                s.taps().get(new ArdourSession.TapKey("r189/p239", TapPoint.TAP_POINT_OUTPUT)));
        assertEquals(
                List.of("send 7/audio_send 1", "send 7/audio_send 2"),
                s.taps()
                        .get(new ArdourSession.TapKey("r189/p373", TapPoint.TAP_POINT_OUTPUT))
                        .ports());
        assertFalse(
                s.taps().containsKey(new ArdourSession.TapKey("r189/p400", TapPoint.TAP_POINT_OUTPUT)),
                "what a send sends is not tapped");
        assertEquals(
                List.of("send 7/audio_send 1", "send 7/audio_send 2"),
                s.taps()
                        .get(new ArdourSession.TapKey("r189/p400", TapPoint.TAP_POINT_INPUT))
                        .ports());
        assertEquals(
                List.of("send 8/audio_send 1", "send 8/audio_send 2"),
                s.taps()
                        .get(new ArdourSession.TapKey("r189/p236", TapPoint.TAP_POINT_INPUT))
                        .ports());
        assertEquals(
                List.of("Gtr/audio_out 1", "Gtr/audio_out 2"),
                s.taps()
                        .get(new ArdourSession.TapKey("r189/p241", TapPoint.TAP_POINT_OUTPUT))
                        .ports());
        assertEquals(
                List.of("send 14/audio_send 1", "send 14/audio_send 2"),
                s.taps()
                        .get(new ArdourSession.TapKey("r329/p359", TapPoint.TAP_POINT_OUTPUT))
                        .ports());
    }

    /**
     * Ardour 8's Surround Master as the bridge reports it: no input ports, its Trim off, 16 output ports (7.1.4,
     * binaural, ...). A master-like strip without a Trim stage, its taps on the first 8 channels.
     */
    @Test
    void theSurroundMasterIsAMasterWithoutTrim() throws BridgeFormatException {
        List<String> outs = java.util.stream.IntStream.rangeClosed(1, 16)
                .mapToObj(c -> "Surround/audio_out " + c)
                .toList();
        List<String> fader = java.util.stream.IntStream.rangeClosed(1, 16)
                .mapToObj(c -> "send 20/audio_send " + c)
                .toList();
        String surround = String.join(
                "\n",
                "R\t40\tSurround\tsurround\t1\t0\t\t-1000.000\t" + String.join(",", outs),
                "P\t45\ttrim\tTrim\t\t0\t1.0\t\t",
                "P\t42\tfader\tFader\t\t1\t1.0\t" + String.join(",", fader) + "\t",
                "P\t47\toutput\tmain outs\t\t1\t\t" + String.join(",", fader).replace("send 20", "send 21") + "\t");
        ArdourSession s = ArdourSession.from(new BridgeFrame(
                3, "/s/mix", "mix", true, 0, List.of(RouteDescriptions.parse(GTR), RouteDescriptions.parse(surround))));
        Strip sm = s.strips().get(1);
        assertEquals(dev.gainstage.proto.v1.StripKind.STRIP_KIND_MASTER, sm.getKind());
        assertEquals(
                List.of(StageKind.STAGE_KIND_SOURCE, StageKind.STAGE_KIND_FADER, StageKind.STAGE_KIND_OUTPUT),
                sm.getStagesList().stream().map(Stage::getKind).toList());
        assertEquals("Input", sm.getStages(0).getName());
        assertEquals(8, sm.getChannels());
        assertFalse(s.fixTargets().containsKey("r40/p45"), "no Trim to fix");
        assertTrue(s.fixTargets().get("r40/p42") instanceof FixTarget.Fader);
        TapSource source = s.taps().get(new ArdourSession.TapKey("r40/source", TapPoint.TAP_POINT_OUTPUT));
        assertEquals(fader.subList(0, 8), source.ports());
        assertEquals(1.0, source.gain());
        assertEquals(
                outs.subList(0, 8),
                s.taps()
                        .get(new ArdourSession.TapKey("r40/p47", TapPoint.TAP_POINT_OUTPUT))
                        .ports());
        assertTrue(s.taps().values().stream().allMatch(t -> t.channels() <= 8));
    }

    @Test
    void fixTargetsNameTheStripAndTheControl() throws BridgeFormatException {
        ArdourSession s = session();
        assertEquals(
                new FixTarget.Trim("Gtr", 20 * Math.log10(2)), s.fixTargets().get("r189/p239"));
        assertEquals(
                new FixTarget.PluginOutput("Gtr", 1, new PluginControl(6, "Makeup", 6, 0, 30)),
                s.fixTargets().get("r189/p373"));
        assertTrue(s.fixTargets().get("r329/p359") instanceof FixTarget.Fader);
        assertFalse(s.fixTargets().containsKey("r189/p400"));
    }

    @Test
    void theOutputControlIsMakeupFirstAndNeverAnInputGain() {
        PluginControl in = new PluginControl(1, "Input Gain", 0, -20, 20);
        PluginControl out = new PluginControl(2, "Output", 0, -20, 20);
        PluginControl makeup = new PluginControl(3, "Makeup", 0, 0, 30);
        assertEquals(makeup, OutputControl.choose(List.of(in, out, makeup)).orElseThrow());
        assertEquals(out, OutputControl.choose(List.of(in, out)).orElseThrow());
        assertTrue(OutputControl.choose(List.of(in)).isEmpty());
    }
}
