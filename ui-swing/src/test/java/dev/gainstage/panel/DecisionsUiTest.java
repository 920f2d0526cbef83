package dev.gainstage.panel;

import static dev.gainstage.panel.PanelUiTest.find;
import static dev.gainstage.panel.PanelUiTest.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.UndoableDecision;
import dev.gainstage.proto.v1.Warning;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's decisions through the real panel (Xvfb in CI), against a real sidecar fed by the sim playing the demo
 * in real time: Intentional clears its warning within a second; acknowledging (with a reason the dialog insists on)
 * moves the warning to the acknowledged group, out of the count, and Undo brings it back; Undo of an applied fix sets
 * the trim back; clearing the session's decisions asks first.
 */
class DecisionsUiTest {
    @TempDir
    static Path store;

    static DemoPanelRig rig;
    static SimSessionRenderer renderer;
    static PanelController controller;
    static PanelModel model;
    static PanelFrame frame;

    @BeforeAll
    static void start() throws Exception {
        rig = DemoPanelRig.start(SimSidecarRig.on(store).session("sim:decisions"));
        renderer = rig.renderer;
        controller = rig.controller;
        model = rig.model;
        frame = rig.frame;
        await(
                60,
                () -> model.view().getWarningsList().stream().anyMatch(DecisionsUiTest::intentionalOne)
                        && model.view().getWarningsList().stream().anyMatch(DecisionsUiTest::trimFix));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    static boolean intentionalOne(Warning w) {
        return (w.getRule() == Rule.PLUGIN_GAIN_MISMATCH || w.getRule() == Rule.PLUGIN_INPUT_OVERDRIVE)
                && !w.getAcknowledged()
                && w.getRootCauseId().isEmpty();
    }

    static boolean trimFix(Warning w) {
        return w.getFixCount() == 1
                && w.getFix(0).getStageId().endsWith("/trim")
                && !w.getClearing()
                && !w.getAcknowledged()
                && w.getRootCauseId().isEmpty();
    }

    /** Waits for {@code until} (read on the EDT); fails after {@code seconds}. Returns the seconds it took. */
    static double await(double seconds, Callable<Boolean> until) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Math.round(seconds * 1e9);
        while (!onEdt(until)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static SessionView view() throws Exception {
        return onEdt(() -> model.view());
    }

    /** Clicks a button of the panel by name, later on the EDT (it may open a modal dialog). */
    static void click(String name) throws Exception {
        AbstractButton b = onEdt(() -> (AbstractButton) find(frame.getRootPane(), name));
        assertNotNull(b, "no button " + name);
        SwingUtilities.invokeLater(b::doClick);
    }

    static JDialog dialog(String title) throws Exception {
        await(5, () -> openDialog(title) != null);
        return onEdt(() -> openDialog(title));
    }

    private static JDialog openDialog(String title) {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && title.equals(d.getTitle())) {
                return d;
            }
        }
        return null;
    }

    static String labels(Container root) {
        StringBuilder sb = new StringBuilder();
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l) {
                sb.append(l.getText()).append('\n');
            }
            if (c instanceof Container k) {
                sb.append(labels(k));
            }
        }
        return sb.toString();
    }

    static JButton buttonWithText(Container root, String text) {
        for (Component c : root.getComponents()) {
            if (c instanceof JButton b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof Container k) {
                JButton found = buttonWithText(k, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** On the EDT. */
    static UndoableDecision decision(DecisionKind kind, String targetId) {
        return model.view().getDecisionsList().stream()
                .filter(d -> d.getKind() == kind && d.getTargetId().equals(targetId))
                .findFirst()
                .orElse(null);
    }

    /** The gain the sim renders the stage with now. */
    static double gain(String stageId) {
        return renderer.gainShown(stageId).orElseThrow();
    }

    /** On the EDT. */
    static boolean shown(String warningId) {
        return model.view().getWarningsList().stream().anyMatch(w -> w.getId().equals(warningId));
    }

    @Test
    void intentionalClearsItsWarningAtOnceAndUndoBringsItBack() throws Exception {
        Warning w = view().getWarningsList().stream()
                .filter(DecisionsUiTest::intentionalOne)
                .findFirst()
                .orElseThrow();
        click("intentional:" + w.getId());
        double took = await(5, () -> !shown(w.getId()));
        // with the next view (a tick is 0.1 s of audio), not after a judging window: slack for a loaded machine
        assertTrue(took < 3.0, "cleared " + took + " s after the click");
        UndoableDecision mark = onEdt(() -> decision(DecisionKind.DECISION_KIND_INTENTIONAL, w.getStageId()));
        assertNotNull(mark, "the mark is in the history");
        await(2, () -> find(frame.getRootPane(), "undo:" + mark.getDecisionId()) != null);
        click("undo:" + mark.getDecisionId());
        await(20, () -> shown(w.getId()));
        assertNull(onEdt(() -> decision(DecisionKind.DECISION_KIND_INTENTIONAL, w.getStageId())));
    }

    @Test
    void acknowledgeNeedsAReasonDemotesTheWarningAndUndoRestoresIt() throws Exception {
        Warning w = view().getWarningsList().stream()
                .filter(x -> !x.getAcknowledged() && x.getRootCauseId().isEmpty())
                .findFirst()
                .orElseThrow();
        click("ack:" + w.getId());
        JDialog d = dialog("Acknowledge");
        assertTrue(onEdt(() -> labels(d)).contains(Words.warning(w)), "the dialog names the warning");
        JButton ok = onEdt(() -> (JButton) find(d.getRootPane(), "ackOk"));
        JTextField reason = onEdt(() -> (JTextField) find(d.getRootPane(), "ackReason"));
        assertFalse(onEdt(ok::isEnabled), "no reason, no acknowledging");
        onEdt(() -> {
            reason.setText("   ");
            return null;
        });
        assertFalse(onEdt(ok::isEnabled), "a blank reason is no reason");
        onEdt(() -> {
            reason.setText("meant as it is");
            return null;
        });
        assertTrue(onEdt(ok::isEnabled));
        SwingUtilities.invokeLater(ok::doClick);
        await(10, () -> find(frame.getRootPane(), "acknowledged:" + w.getId()) != null);
        assertNull(onEdt(() -> find(frame.getRootPane(), "warning:" + w.getId())), "out of the active group");
        SessionView acked = view();
        assertEquals(
                acked.getWarningsList().stream()
                        .filter(x -> !x.getAcknowledged())
                        .count(),
                acked.getActiveWarningCount(),
                "the acknowledged warning is out of the count");
        await(
                2,
                () -> frame.tabs()
                        .getTitleAt(0)
                        .equals(
                                model.view().getActiveWarningCount() == 0
                                        ? "Warnings"
                                        : "Warnings (" + model.view().getActiveWarningCount() + ")"));
        click("undoAck:" + w.getId());
        await(
                10,
                () -> find(frame.getRootPane(), "acknowledged:" + w.getId()) == null
                        && find(frame.getRootPane(), "warning:" + w.getId()) != null);
    }

    @Test
    void undoOfAnAppliedFixSetsTheTrimBack() throws Exception {
        Warning w = view().getWarningsList().stream()
                .filter(DecisionsUiTest::trimFix)
                .findFirst()
                .orElseThrow();
        String trim = w.getFix(0).getStageId();
        double before = gain(trim);
        click("apply:" + w.getId());
        await(10, () -> decision(DecisionKind.DECISION_KIND_FIX, w.getId()) != null);
        assertNotEquals(before, gain(trim), 0.05);
        UndoableDecision fix = onEdt(() -> decision(DecisionKind.DECISION_KIND_FIX, w.getId()));
        await(2, () -> find(frame.getRootPane(), "undo:" + fix.getDecisionId()) != null);
        click("undo:" + fix.getDecisionId());
        await(10, () -> decision(DecisionKind.DECISION_KIND_FIX, w.getId()) == null);
        assertEquals(before, gain(trim), 1e-9, "the trim is back where it was");
        assertTrue(
                onEdt(() -> model.message()).startsWith("Undone: Applied the fix for"), onEdt(() -> model.message()));
    }

    @Test
    void clearingTheSessionsDecisionsAsksFirst() throws Exception {
        Warning w = view().getWarningsList().stream()
                .filter(x -> !x.getAcknowledged())
                .findFirst()
                .orElseThrow();
        onEdt(() -> {
            controller.actions().acknowledgeWarning(w, "for the clear test");
            return null;
        });
        await(10, () -> find(frame.getRootPane(), "clearDecisions") != null);
        click("clearDecisions");
        JDialog cancelFirst = dialog("Clear this session's decisions");
        SwingUtilities.invokeLater(() -> buttonWithText(cancelFirst, "Cancel").doClick());
        await(5, () -> openDialog("Clear this session's decisions") == null);
        Thread.sleep(300);
        assertFalse(view().getDecisionsList().isEmpty(), "cancelled: nothing cleared");
        click("clearDecisions");
        JDialog confirm = dialog("Clear this session's decisions");
        SwingUtilities.invokeLater(() -> buttonWithText(confirm, "OK").doClick());
        await(
                10,
                () -> model.view().getDecisionsCount() == 0
                        && model.view().getWarningsList().stream().noneMatch(Warning::getAcknowledged));
        // The answer to the call may come after the view that shows its effect.
        await(5, () -> model.message().equals("Cleared this session's decisions"));
    }
}
