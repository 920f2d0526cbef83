package dev.gainstage.panel;

import static dev.gainstage.panel.PanelUiTest.find;
import static dev.gainstage.panel.PanelUiTest.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare bar in the real panel, against a real sidecar and the sim playing the demo in real time: select the
 * Bass's Tube Saturator, Compare, A, End; the plugin ends as it was. Saves target/screenshots/compare.png.
 */
class CompareUiTest {
    private static final String SAT = "bass/sat";

    @TempDir
    Path store;

    @Test
    void comparingTheSaturatorFromThePanelBypassesItLevelMatchedAndEndsAsItWas() throws Exception {
        try (DemoPanelRig rig = DemoPanelRig.start(SimSidecarRig.on(store))) {
            SimSessionRenderer renderer = rig.renderer;
            PanelModel model = rig.model;
            PanelFrame frame = rig.frame;
            double outputBefore = renderer.gainDb(SAT).orElseThrow();
            await(
                    model,
                    "the saturator measured",
                    v -> sat(v).map(StageView::hasGainDeltaDb).orElse(false) && v.getAudioTimeSeconds() > 7);
            AbstractButton start = onEdt(() -> {
                model.selectStage(SAT);
                return (AbstractButton) find(frame.getRootPane(), "compareStart");
            });
            assertTrue(onEdt(start::isEnabled), "Compare is offered for a measured plugin");
            // the judge's window may have just restarted: press until the sidecar takes it
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!onEdt(() -> model.view().hasCompare()) && System.nanoTime() < until) {
                SwingUtilities.invokeAndWait(start::doClick);
                Thread.sleep(1000);
            }
            SessionView b = await(
                    model,
                    "side B in the view",
                    v -> v.hasCompare() && v.getCompare().getSide() == CompareSide.COMPARE_SIDE_B);
            assertFalse(renderer.pluginActive(SAT).orElseThrow(), "bypassed");
            Thread.sleep(300); // the bar shows the view
            AbstractButton sideB = onEdt(() -> (AbstractButton) find(frame.getRootPane(), "compareB"));
            AbstractButton sideA = onEdt(() -> (AbstractButton) find(frame.getRootPane(), "compareA"));
            AbstractButton end = onEdt(() -> (AbstractButton) find(frame.getRootPane(), "compareEnd"));
            assertTrue(onEdt(() -> sideB.isSelected() && sideB.isShowing() && end.isShowing()));
            assertTrue(
                    onEdt(sideB::getText).startsWith("B bypassed, level-matched by "),
                    "the B button says the match: " + onEdt(sideB::getText));
            JLabel label = onEdt(() -> (JLabel) find(frame.getRootPane(), "compareText"));
            assertEquals("Comparing Bass \u25B8 Tube Saturator", onEdt(label::getText));
            String detail = onEdt(label::getToolTipText);
            assertTrue(detail.startsWith("Comparing Bass \u25B8 Tube Saturator (level-matched by"), detail);
            shot(frame, "compare");

            SwingUtilities.invokeAndWait(sideA::doClick);
            await(
                    model,
                    "side A in the view",
                    v -> v.hasCompare() && v.getCompare().getSide() == CompareSide.COMPARE_SIDE_A);
            assertTrue(renderer.pluginActive(SAT).orElseThrow(), "processing");
            assertEquals(
                    outputBefore - b.getCompare().getMatchDb(),
                    renderer.gainDb(SAT).orElseThrow(),
                    1e-9,
                    "its output lowered by the match");

            SwingUtilities.invokeAndWait(end::doClick);
            await(model, "the comparison ended", v -> !v.hasCompare());
            assertTrue(renderer.pluginActive(SAT).orElseThrow());
            assertEquals(outputBefore, renderer.gainDb(SAT).orElseThrow(), 0.0, "its output exactly as it was");
            assertTrue(onEdt(() -> start.isShowing() && !end.isShowing()), "the bar offers Compare again");
        }
    }

    private static Optional<StageView> sat(SessionView v) {
        return v.getRowsList().stream()
                .flatMap(r -> r.getStagesList().stream())
                .filter(s -> s.getStageId().equals(SAT))
                .findFirst();
    }

    private static SessionView await(PanelModel model, String what, Predicate<SessionView> wanted) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Callable<SessionView> view = model::view;
        while (System.nanoTime() < until) {
            SessionView v = onEdt(view);
            if (wanted.test(v)) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never happened: " + what);
    }

    /** The top of the window (title, compare bar, overview) as it is, saved to target/screenshots. */
    private static void shot(JFrame frame, String name) throws Exception {
        BufferedImage image = onEdt(() -> {
            int w = frame.getRootPane().getWidth();
            BufferedImage img = new BufferedImage(w, 420, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            frame.getRootPane().paint(g);
            g.dispose();
            return img;
        });
        Files.createDirectories(PanelUiTest.SHOTS);
        ImageIO.write(image, "png", PanelUiTest.SHOTS.resolve(name + ".png").toFile());
    }
}
