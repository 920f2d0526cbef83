package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.panel.master.MasterReadouts;
import dev.gainstage.panel.overview.CellText;
import dev.gainstage.panel.overview.OverviewPanel;
import dev.gainstage.panel.overview.Readout;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.Warning;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real panel in a real window (Xvfb in CI) against a real sidecar on loopback, fed by the sim
 * adapter playing the demo session. Saves a screenshot of each view to target/screenshots.
 */
class PanelUiTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path store;

    static DemoPanelRig rig;
    static SidecarServer server;
    static PanelController controller;
    static PanelModel model;
    static PanelFrame frame;
    static EdtCheckingRepaintManager repaints;

    @BeforeAll
    static void start() throws Exception {
        repaints = new EdtCheckingRepaintManager();
        rig = DemoPanelRig.start(
                SimSidecarRig.on(store).speed(SimAdapter.Speed.MAX).playing(14), true, repaints);
        server = rig.server;
        controller = rig.controller;
        model = rig.model;
        frame = rig.frame;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && onEdt(() ->
                        model.view().getWarningsCount() < 5 || model.view().getAudioTimeSeconds() < 13.9)) {
            Thread.sleep(100);
        }
        // The user picks a delivery target in the master section, as the screenshots show it.
        onEdt(() -> {
            ((javax.swing.JComboBox<?>) find(frame.getRootPane(), "master.target")).setSelectedIndex(1);
            return null;
        });
        long picked = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < picked
                && onEdt(() -> model.view().getMaster().getTarget().getPreset())
                        != DeliveryPreset.DELIVERY_PRESET_STREAMING) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // a few more frames
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    /** Paints the window as it is into an image and saves it. */
    static BufferedImage shot(String name, int tab) throws Exception {
        BufferedImage image = onEdt(() -> {
            frame.tabs().setSelectedIndex(tab);
            frame.getRootPane().validate();
            return null;
        });
        Thread.sleep(300);
        image = onEdt(() -> {
            BufferedImage img = new BufferedImage(
                    frame.getRootPane().getWidth(), frame.getRootPane().getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            frame.getRootPane().paint(g);
            g.dispose();
            return img;
        });
        Files.createDirectories(SHOTS);
        ImageIO.write(image, "png", SHOTS.resolve(name + ".png").toFile());
        return image;
    }

    static Rectangle boundsOf(String name) throws Exception {
        return onEdt(() -> {
            Component c = find(frame.getRootPane(), name);
            if (c == null || !c.isShowing()) {
                return null;
            }
            Point p = SwingUtilities.convertPoint(c.getParent(), c.getLocation(), frame.getRootPane());
            Rectangle visible = ((JComponent) c).getVisibleRect();
            return new Rectangle(p.x + visible.x, p.y + visible.y, visible.width, visible.height);
        });
    }

    static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container k) {
                Component f = find(k, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    static int count(BufferedImage img, Rectangle r, Color colour) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(img.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(img.getWidth(), r.x + r.width); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theOverviewShowsEveryStripWithTheProblemStagesColoured() throws Exception {
        BufferedImage img = shot("overview-and-warnings", 0);
        assertEquals(
                ConnectionState.Kind.CONNECTED, onEdt(() -> model.connection().kind()));
        List<String> strips = onEdt(
                () -> model.view().getRowsList().stream().map(r -> r.getName()).toList());
        assertEquals(
                List.of(
                        "Kick",
                        "Snare",
                        "Hats",
                        "Bass",
                        "Keys",
                        "Pad",
                        "Lead Vox",
                        "Backing Vox",
                        "Drum Bus",
                        "Master"),
                strips);
        // The sim has played its 14 s and gone: its levels stay, greyed (LivePanelUiTest sees their colours live).
        assertTrue(onEdt(() -> frame.overview().frozen()), "the DAW is gone: its levels are greyed");
        assertTrue(text("connection").contains("DAW gone"), text("connection"));
        assertTrue(img.getWidth() > 0);
    }

    /** The staging colours of a live overview in {@code img}: red clipping, amber hot, green well-staged stages. */
    static void assertStagingColours(BufferedImage img) throws Exception {
        Rectangle overview = boundsOf("overview");
        assertTrue(count(img, overview, StagingColors.CLIPPING) > 200, "clipping stages are red");
        assertTrue(count(img, overview, StagingColors.HOT) > 100, "hot stages are amber");
        assertTrue(count(img, overview, StagingColors.IN_RANGE) > 500, "well-staged stages are green");
    }

    @Test
    void theWarningsViewGroupsByRootCauseWithFixButtons() throws Exception {
        shot("warnings", 0);
        Set<Rule> rules = onEdt(() ->
                model.view().getWarningsList().stream().map(Warning::getRule).collect(Collectors.toSet()));
        assertTrue(
                rules.containsAll(Set.of(
                        Rule.SOURCE_TOO_HOT,
                        Rule.SOURCE_TOO_QUIET,
                        Rule.PLUGIN_GAIN_MISMATCH,
                        Rule.PLUGIN_OUTPUT_HOT,
                        Rule.MASTER_OVER_0DBFS)),
                rules.toString());
        assertTrue(boundsOf("warning:SOURCE_TOO_HOT@kick/source") != null, "the hot kick is a primary warning");
        assertTrue(boundsOf("apply:PLUGIN_GAIN_MISMATCH@vox/comp") != null, "with a fix button");
        assertTrue(
                boundsOf("warning:PLUGIN_INPUT_OVERDRIVE@kick/eq") == null,
                "the kick EQ's overdrive follows from the hot kick: listed under it, not on its own");
    }

    @Test
    void theChecklistAndTheFlowGraphRender() throws Exception {
        BufferedImage checklist = shot("checklist", 1);
        assertTrue(onEdt(() -> model.view().getChecklist().getTotal()) >= 15);
        Rectangle items = boundsOf("checklistItems");
        assertTrue(items != null && items.height > 100, "the checklist is showing");
        BufferedImage graph = shot("flow-graph", 2);
        Rectangle g = boundsOf("flowGraph");
        assertTrue(count(graph, g, StagingColors.CLIPPING) > 50, "the hot edges and nodes are red");
        assertTrue(checklist.getWidth() > 0);
    }

    @Test
    void clickingAFlowGraphNodeSelectsItsStrip() throws Exception {
        onEdt(() -> {
            frame.tabs().setSelectedIndex(2);
            return null;
        });
        Thread.sleep(200);
        onEdt(() -> {
            Component graph = find(frame.getRootPane(), "flowGraph");
            int size = graph.getFont().getSize();
            graph.dispatchEvent(new java.awt.event.MouseEvent(
                    graph,
                    java.awt.event.MouseEvent.MOUSE_PRESSED,
                    System.currentTimeMillis(),
                    0,
                    10 + size,
                    10 + size,
                    1,
                    false));
            return null;
        });
        assertEquals("kick", onEdt(() -> model.selection().stripId()), "the first node is the Kick");
    }

    /** Resizes the window, lets it lay out (wrapped texts take two passes) and selects a tab. */
    static void resize(int width, int height, int tab) throws Exception {
        onEdt(() -> {
            frame.setSize(width, height);
            frame.tabs().setSelectedIndex(tab);
            frame.validate();
            return null;
        });
        Thread.sleep(400);
        onEdt(() -> {
            frame.validate();
            return null;
        });
    }

    static List<Component> named(Container root, String prefix) {
        List<Component> found = new java.util.ArrayList<>();
        for (Component c : root.getComponents()) {
            if (c.getName() != null && c.getName().startsWith(prefix)) {
                found.add(c);
            }
            if (c instanceof Container k) {
                found.addAll(named(k, prefix));
            }
        }
        return found;
    }

    /** Whether c lies wholly inside the viewport that shows it (both in the root pane's coordinates). */
    static boolean insideViewport(Component c) {
        JViewport viewport = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, c);
        Rectangle port = SwingUtilities.convertRectangle(
                viewport, new Rectangle(0, 0, viewport.getWidth(), viewport.getHeight()), frame.getRootPane());
        Rectangle bounds = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), frame.getRootPane());
        return c.isShowing() && bounds.width > 0 && port.contains(bounds);
    }

    /**
     * Every warning's buttons (acknowledged ones and undoable decisions included), each scrolled into view in turn,
     * lie fully inside the warnings' viewport.
     */
    static List<String> buttonsOutsideTheViewport() throws Exception {
        // the active warnings' cards, the acknowledged ones' and the undoable decisions' (with their Undo buttons)
        List<String> names = onEdt(() -> java.util.stream.Stream.of("warning:", "acknowledged:", "decision:")
                .flatMap(prefix -> named(frame.getRootPane(), prefix).stream())
                .map(Component::getName)
                .toList());
        assertTrue(names.size() >= 5, names.toString());
        List<String> outside = new java.util.ArrayList<>();
        for (String name : names) {
            onEdt(() -> {
                JComponent card = (JComponent) find(frame.getRootPane(), name);
                card.scrollRectToVisible(new Rectangle(0, 0, card.getWidth(), card.getHeight()));
                return null;
            });
            Thread.sleep(50);
            outside.addAll(onEdt(() -> {
                List<String> bad = new java.util.ArrayList<>();
                Container card = (Container) find(frame.getRootPane(), name);
                for (Component b : named(card, "")) {
                    if (b instanceof javax.swing.JButton && !insideViewport(b)) {
                        bad.add(b.getName());
                    }
                }
                return bad;
            }));
        }
        return outside;
    }

    /** The window with nothing selected and the warnings scrolled to the first, as the documentation shows it. */
    static void shotFromTheTop(String name) throws Exception {
        onEdt(() -> {
            model.select(PanelModel.Selection.NONE);
            ((JComponent) find(frame.getRootPane(), "warnings")).scrollRectToVisible(new Rectangle(0, 0, 1, 1));
            return null;
        });
        shot(name, 0);
    }

    /** The horizontal scroll bars showing in each tab, by tab. */
    static List<String> horizontalScrollBars() throws Exception {
        List<String> shown = new java.util.ArrayList<>();
        for (int tab = 0; tab < 3; tab++) {
            int t = tab;
            onEdt(() -> {
                frame.tabs().setSelectedIndex(t);
                frame.validate();
                return null;
            });
            Thread.sleep(200);
            shown.addAll(onEdt(() -> {
                List<String> bars = new java.util.ArrayList<>();
                for (Component c : named(frame.getRootPane(), "")) {
                    if (c instanceof JScrollPane sp
                            && sp.isShowing()
                            && sp.getHorizontalScrollBar().isVisible()) {
                        bars.add("tab " + t + ": " + sp.getViewport().getView().getName());
                    }
                }
                return bars;
            }));
        }
        return shown;
    }

    @Test
    void atBothSizesEveryControlIsVisibleWithoutScrollingSideways() throws Exception {
        try {
            resize(820, 900, 0);
            shotFromTheTop("panel-820x900-daw-gone");
            assertEquals(List.of(), buttonsOutsideTheViewport(), "at 820x900");
            assertEquals(List.of(), horizontalScrollBars(), "at 820x900");
            int narrowCell = onEdt(() -> frame.overview().geometry().cellWidth());
            resize(1920, 1080, 0);
            assertEquals(1920, onEdt(() -> frame.getWidth()), "the window took the size");
            shotFromTheTop("panel-1920x1080-daw-gone");
            assertEquals(List.of(), buttonsOutsideTheViewport(), "at 1920x1080");
            assertEquals(List.of(), horizontalScrollBars(), "at 1920x1080");
            int wideCell = onEdt(() -> frame.overview().geometry().cellWidth());
            assertTrue(wideCell > narrowCell * 2, "cells grow with the window: " + narrowCell + " -> " + wideCell);
        } finally {
            resize(820, 900, 0);
        }
    }

    /**
     * The master section's controls and readouts at a size: each showing, wholly inside the window, its text not cut;
     * the names of those that are not.
     */
    static List<String> masterControlsCut() throws Exception {
        return onEdt(() -> {
            List<String> bad = new java.util.ArrayList<>();
            Rectangle window = new Rectangle(
                    0, 0, frame.getRootPane().getWidth(), frame.getRootPane().getHeight());
            List<Component> controls = named(frame.getRootPane(), "master.");
            if (controls.size() < 10) {
                bad.add("only " + controls.size() + " controls");
            }
            for (Component c : controls) {
                Rectangle b = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), frame.getRootPane());
                boolean textCut = c instanceof javax.swing.JLabel l && l.getPreferredSize().width > l.getWidth();
                if (!c.isShowing() || b.width == 0 || !window.contains(b) || textCut) {
                    bad.add(c.getName() + " " + b + (textCut ? " cut" : ""));
                }
            }
            return bad;
        });
    }

    @Test
    void theMasterSectionFitsBothSizesAndShowsTheNumbersTheViewCarries() throws Exception {
        try {
            for (int[] size : new int[][] {{820, 900}, {1920, 1080}}) {
                resize(size[0], size[1], 0);
                assertEquals(List.of(), masterControlsCut(), "at " + size[0] + "x" + size[1]);
                assertEquals(List.of(), horizontalScrollBars(), "at " + size[0] + "x" + size[1]);
            }
            resize(820, 900, 0);
            List<String> shownAndCarried = onEdt(() -> {
                MasterReadouts r =
                        MasterReadouts.of(model.view().getMaster(), model.view().hasMaster());
                return List.of(
                        text("master.momentary") + " | " + r.momentary(),
                        text("master.shortTerm") + " | " + r.shortTerm(),
                        text("master.integrated") + " | " + r.integrated(),
                        text("master.range") + " | " + r.range(),
                        text("master.truePeak") + " | " + r.truePeak(),
                        text("master.integratedVsTarget") + " | " + r.integratedVsTarget(),
                        text("master.targetText") + " | " + r.target());
            });
            for (String pair : shownAndCarried) {
                String[] both = pair.split(" \\| ", -1);
                assertEquals(both[1].strip(), both[0].strip(), "the readout shows the view's figure");
            }
            assertTrue(
                    onEdt(() -> model.view().getMaster().hasIntegratedLufs()), "the demo's master has been measured");
            assertTrue(shownAndCarried.getLast().startsWith("Streaming: -14 LUFS"), shownAndCarried.getLast());
            assertEquals(
                    "Ready to deliver",
                    onEdt(() ->
                            model.view().getChecklist().getStepsList().getLast().getTitle()),
                    "the target adds the checklist's step 4");
            assertTrue(onEdt(() -> model.view().getMaster().getHistoryShortTermLufsCount()) >= 10);

            onEdt(() -> {
                ((javax.swing.JButton) find(frame.getRootPane(), "master.reset")).doClick();
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && onEdt(() -> model.view().getMaster().getMeasuredSeconds()) > 1) {
                Thread.sleep(50);
            }
            assertTrue(onEdt(() -> model.view().getMaster().getMeasuredSeconds()) <= 1, "the reset restarted it");
            assertTrue(onEdt(() -> model.message()).startsWith("Master loudness reset"), onEdt(() -> model.message()));
        } finally {
            resize(820, 900, 0);
        }
    }

    static String text(String name) {
        return ((javax.swing.JLabel) find(frame.getRootPane(), name)).getText();
    }

    @Test
    void anAcknowledgedWarningsLongerTitleKeepsItsButtonsInView() throws Exception {
        resize(820, 900, 0);
        Warning mismatch = onEdt(() -> model.view().getWarningsList().stream()
                .filter(w -> w.getRule() == Rule.PLUGIN_GAIN_MISMATCH)
                .findFirst()
                .orElseThrow());
        String reason = "the compressor is meant to push the vocal forward in the chorus, checked against the "
                + "reference mix at matched loudness";
        onEdt(() -> {
            controller.actions().acknowledgeWarning(mismatch, reason);
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline
                && !onEdt(() -> model.view().getWarningsList().stream()
                        .anyMatch(w -> w.getId().equals(mismatch.getId()) && w.getAcknowledged()))) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertEquals(
                "Acknowledged " + Words.warning(mismatch), onEdt(() -> model.message()), "the status line names it");
        assertFalse(onEdt(() -> model.message()).contains(mismatch.getId()));
        resize(820, 900, 0);
        assertEquals(List.of(), buttonsOutsideTheViewport());
        // Undone, so the other tests see the warning as the demo raised it, whatever order they run in.
        dev.gainstage.proto.v1.UndoableDecision ack = onEdt(() -> model.view().getDecisionsList().stream()
                .filter(d -> d.getTargetId().equals(mismatch.getId()))
                .findFirst()
                .orElseThrow());
        onEdt(() -> {
            controller.actions().undo(ack);
            return null;
        });
        long undone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < undone
                && onEdt(() -> model.view().getWarningsList().stream()
                        .anyMatch(w -> w.getId().equals(mismatch.getId()) && w.getAcknowledged()))) {
            Thread.sleep(100);
        }
        assertTrue(onEdt(() -> model.view().getWarningsList().stream()
                .anyMatch(w -> w.getId().equals(mismatch.getId()) && !w.getAcknowledged())));
    }

    @Test
    void theReadoutsShowTheNumbersTheViewCarries() throws Exception {
        resize(820, 900, 0);
        List<String> wrong = onEdt(() -> {
            List<String> bad = new java.util.ArrayList<>();
            for (OverviewRow row : model.view().getRowsList()) {
                for (StageView s : row.getStagesList()) {
                    CellText t = frame.overview().textOf(s.getStageId());
                    String out = Readout.db(s.getOutput().getSamplePeakDbfs());
                    String hold = Readout.db(s.getOutput().getPeakHoldDbfs());
                    if (!t.output().peak().split(" ")[0].equals(out)
                            || !t.output().hold().endsWith(hold)
                                    && !t.output().hold().endsWith(hold + " dBFS")) {
                        bad.add(s.getStageId() + " out " + t.output() + " for " + out + "/" + hold);
                    }
                    if (s.getKind() != StageKind.STAGE_KIND_SOURCE
                            && !t.input()
                                    .peak()
                                    .split(" ")[0]
                                    .equals(Readout.db(s.getInput().getSamplePeakDbfs()))) {
                        bad.add(s.getStageId() + " in " + t.input());
                    }
                    if (s.hasGainDeltaDb() && !t.delta().equals(Readout.delta(s.getGainDeltaDb()))) {
                        bad.add(s.getStageId() + " delta " + t.delta());
                    }
                }
            }
            return bad;
        });
        assertEquals(List.of(), wrong);
        assertTrue(
                onEdt(() -> frame.overview().textOf("bass/sat").delta()).matches("\\+\\d+\\.\\d dB"),
                "the saturator's in->out change is shown");
    }

    @Test
    void aClipIndicatorStaysLitUntilClicked() throws Exception {
        resize(820, 900, 0);
        String clipped = onEdt(() -> model.view().getRowsList().stream()
                .flatMap(r -> r.getStagesList().stream())
                .filter(s -> s.getOutput().getSamplePeakDbfs() > 0)
                .map(StageView::getStageId)
                .findFirst()
                .orElseThrow());
        assertTrue(onEdt(() -> frame.overview().clipLit(clipped)), clipped + " went over 0 dBFS");
        onEdt(() -> {
            OverviewPanel o = frame.overview();
            Point led = o.ledOf(clipped);
            o.dispatchEvent(new java.awt.event.MouseEvent(
                    o, java.awt.event.MouseEvent.MOUSE_PRESSED, System.currentTimeMillis(), 0, led.x, led.y, 1, false));
            return null;
        });
        Thread.sleep(300);
        assertFalse(onEdt(() -> frame.overview().clipLit(clipped)), "reset by the click");
    }

    @Test
    void nothingTouchedSwingOffTheEdt() {
        assertEquals(List.of(), repaints.violations());
    }
}
