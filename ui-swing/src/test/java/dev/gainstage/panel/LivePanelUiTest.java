package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.panel.connection.DawState;
import dev.gainstage.proto.v1.DeliveryPreset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel while the DAW plays on (the sim in real time, against a real sidecar), as the documentation shows it:
 * the screenshots panel-820x900.png and panel-1920x1080.png, with a delivery target picked, at both sizes with every
 * control of the master section in the window. {@link PanelUiTest} looks at a session whose sim has ended (its DAW
 * gone, levels frozen), which keeps its numbers still; this one borrows its window helpers.
 */
class LivePanelUiTest {
    @TempDir
    Path store;

    @Test
    void theLivePanelAtBothSizesWithTheMasterSectionInView() throws Exception {
        try (DemoPanelRig rig = DemoPanelRig.start(SimSidecarRig.on(store))) {
            PanelModel model = rig.model;
            PanelUiTest.frame = rig.frame;
            PanelUiTest.model = model;
            // 14 s of the demo, and (on a busy machine) until a metering gap's note has gone again (10 s of audio)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && PanelUiTest.onEdt(() -> model.view().getWarningsCount() < 5
                            || model.view().getAudioTimeSeconds() < 14
                            || DawState.of(model.view()).kind() != DawState.Kind.ATTACHED
                            || PanelUiTest.text("title").contains("metering gap"))) {
                Thread.sleep(100);
            }
            PanelUiTest.onEdt(() -> {
                ((JComboBox<?>) PanelUiTest.find(PanelUiTest.frame.getRootPane(), "master.target")).setSelectedIndex(1);
                return null;
            });
            long picked = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < picked
                    && PanelUiTest.onEdt(
                                    () -> model.view().getMaster().getTarget().getPreset())
                            != DeliveryPreset.DELIVERY_PRESET_STREAMING) {
                Thread.sleep(50);
            }
            Thread.sleep(1000); // the target's outcome in the status line, and a few more frames
            PanelUiTest.assertStagingColours(PanelUiTest.shot("overview-live", 0));
            for (int[] size : new int[][] {{820, 900}, {1920, 1080}}) {
                String at = size[0] + "x" + size[1];
                PanelUiTest.resize(size[0], size[1], 0);
                PanelUiTest.shotFromTheTop("panel-" + at);
                assertEquals(List.of(), PanelUiTest.masterControlsCut(), "at " + at);
                assertEquals(List.of(), PanelUiTest.horizontalScrollBars(), "at " + at);
                assertTrue(
                        PanelUiTest.text("connection").contains("DAW attached (sim)"), PanelUiTest.text("connection"));
                assertFalse(PanelUiTest.onEdt(() -> PanelUiTest.frame.overview().frozen()), "live levels, not greyed");
                assertTrue(
                        PanelUiTest.text("master.targetText").startsWith("Streaming: -14 LUFS"),
                        PanelUiTest.text("master.targetText"));
            }
        } finally {
            PanelUiTest.frame = null;
            PanelUiTest.model = null;
        }
    }
}
