package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.cli.DecisionsCommand;
import dev.gainstage.engine.cli.FixCommand;
import dev.gainstage.engine.testing.CommandRunner;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.DecisionHistory;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.ListDecisionsRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.UndoDecisionRequest;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sidecar fed by the sim playing the demo: an applied fix is undone to the exact trim before it, also by a
 * sidecar restarted on the same decisions folder; an acknowledgement needs a reason, leaves the active count and
 * comes back when undone; unknown ids are one-line NOT_FOUND errors.
 */
class UndoWithSimTest {
    private static final String KEY = "sim:undo";

    @TempDir
    Path store;

    private final SimSessionRenderer renderer = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));

    UndoWithSimTest() throws SimSessionException {}

    /** A sidecar on the test's decisions folder with the sim attached, playing as fast as the sidecar takes it. */
    private final class Rig implements AutoCloseable {
        final SimSidecarRig sidecar;
        final SidecarServer server;
        final PanelServiceGrpc.PanelServiceBlockingStub panel;

        Rig() throws Exception {
            sidecar = SimSidecarRig.on(store)
                    .renderer(renderer)
                    .session(KEY, "undo")
                    .speed(SimAdapter.Speed.MAX)
                    .start();
            server = sidecar.server;
            panel = PanelServiceGrpc.newBlockingStub(sidecar.channel);
        }

        PanelServiceGrpc.PanelServiceBlockingStub panel() {
            return panel.withDeadlineAfter(20, TimeUnit.SECONDS);
        }

        SessionView await(Predicate<SessionView> until) {
            Iterator<SessionView> views =
                    panel().watch(WatchRequest.newBuilder().setSessionKey(KEY).build());
            while (views.hasNext()) {
                SessionView v = views.next();
                if (until.test(v)) {
                    return v;
                }
            }
            throw new AssertionError("the view never got there");
        }

        @Override
        public void close() throws Exception {
            sidecar.close();
        }
    }

    /** The gain the sim renders the stage with now. */
    private double gain(String stageId) {
        return renderer.gainShown(stageId).orElseThrow();
    }

    private static boolean trimFix(Warning w) {
        return w.getFixCount() == 1 && w.getFix(0).getStageId().endsWith("/trim") && !w.getClearing();
    }

    @Test
    void anAppliedFixIsUndoneToTheTrimBeforeItAlsoAfterASidecarRestart() throws Exception {
        String trim;
        double before;
        try (Rig rig = new Rig()) {
            SessionView view = rig.await(v -> v.getWarningsList().stream().anyMatch(UndoWithSimTest::trimFix));
            Warning w = view.getWarningsList().stream()
                    .filter(UndoWithSimTest::trimFix)
                    .findFirst()
                    .orElseThrow();
            trim = w.getFix(0).getStageId();
            before = gain(trim);
            ApplyFixResponse fixed = rig.panel()
                    .applyFix(ApplyFixRequest.newBuilder()
                            .setSessionKey(KEY)
                            .setWarningId(w.getId())
                            .build());
            assertTrue(fixed.getApplied(), fixed.getMessage());
            assertNotEquals(before, gain(trim), 0.05);
            SessionView recorded = rig.await(v -> v.getDecisionsCount() > 0);
            assertEquals(
                    DecisionKind.DECISION_KIND_FIX, recorded.getDecisions(0).getKind());
            assertEquals(before, recorded.getDecisions(0).getGains(0).getBeforeDb(), 1e-9);
        }
        try (Rig restarted = new Rig()) {
            restarted.await(SessionView::getAdapterConnected);
            DecisionHistory history = restarted
                    .panel()
                    .listDecisions(
                            ListDecisionsRequest.newBuilder().setSessionKey(KEY).build());
            assertEquals(1, history.getDecisionsCount(), history.toString());
            String sidecar = "127.0.0.1:" + restarted.server.port();
            CommandRunner.Result undone = CommandRunner.run(FixCommand::run, "--undo", "--sidecar", sidecar);
            assertEquals(0, undone.status(), undone.err());
            assertTrue(undone.out().startsWith("Undone: Applied the fix for "), undone.out());
            assertEquals(before, gain(trim), 1e-9, "the trim is back exactly where it was");
            assertEquals(
                    0,
                    restarted
                            .panel()
                            .listDecisions(ListDecisionsRequest.newBuilder()
                                    .setSessionKey(KEY)
                                    .build())
                            .getDecisionsCount());
            CommandRunner.Result nothing = CommandRunner.run(FixCommand::run, "--undo", "--sidecar", sidecar);
            assertEquals(1, nothing.status());
            assertEquals(
                    "gainstage fix: nothing to undo in session 'sim:undo': no applied fix recorded\n", nothing.err());
            CommandRunner.Result unknown = CommandRunner.run(FixCommand::run, "--undo", "42", "--sidecar", sidecar);
            assertEquals("gainstage fix: no decision '42' to undo in session 'sim:undo'\n", unknown.err());
        }
    }

    @Test
    void anAcknowledgementNeedsAReasonLeavesTheCountAndComesBackWhenUndone() throws Exception {
        try (Rig rig = new Rig()) {
            SessionView view = rig.await(v -> v.getActiveWarningCount() > 0);
            Warning w = view.getWarnings(0);
            for (String blank : new String[] {"", "   "}) {
                StatusRuntimeException refused = assertThrows(
                        StatusRuntimeException.class,
                        () -> rig.panel()
                                .acknowledge(AcknowledgeRequest.newBuilder()
                                        .setSessionKey(KEY)
                                        .setWarningId(w.getId())
                                        .setReason(blank)
                                        .build()));
                assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
                assertTrue(refused.getStatus().getDescription().startsWith("the reason is empty"));
            }
            assertEquals(
                    0,
                    rig.panel()
                            .listDecisions(ListDecisionsRequest.newBuilder()
                                    .setSessionKey(KEY)
                                    .build())
                            .getDecisionsCount(),
                    "nothing stored");
            rig.panel()
                    .acknowledge(AcknowledgeRequest.newBuilder()
                            .setSessionKey(KEY)
                            .setWarningId(w.getId())
                            .setReason("meant this way")
                            .build());
            SessionView acked = rig.await(v ->
                    v.getWarningsList().stream().anyMatch(x -> x.getId().equals(w.getId()) && x.getAcknowledged()));
            long unacknowledged = acked.getWarningsList().stream()
                    .filter(x -> !x.getAcknowledged())
                    .count();
            assertEquals(unacknowledged, acked.getActiveWarningCount(), "the acknowledged one is out of the count");
            assertEquals(
                    DecisionKind.DECISION_KIND_ACKNOWLEDGE,
                    acked.getDecisions(0).getKind());
            assertTrue(acked.getDecisions(0).getText().contains(w.getStripName() + " ▸ " + w.getStageName()));
            String sidecar = "127.0.0.1:" + rig.server.port();
            CommandRunner.Result listed = CommandRunner.run(DecisionsCommand::run, "--list", "--sidecar", sidecar);
            assertTrue(
                    listed.out().startsWith(acked.getDecisions(0).getDecisionId() + "  Acknowledged \""), listed.out());
            CommandRunner.Result undone = CommandRunner.run(
                    DecisionsCommand::run, "--undo", acked.getDecisions(0).getDecisionId(), "--sidecar", sidecar);
            assertEquals(0, undone.status(), undone.err());
            SessionView back = rig.await(v -> v.getDecisionsCount() == 0);
            assertFalse(
                    back.getWarningsList().stream().anyMatch(x -> x.getId().equals(w.getId()) && x.getAcknowledged()));
            StatusRuntimeException unknown = assertThrows(
                    StatusRuntimeException.class,
                    () -> rig.panel()
                            .undoDecision(UndoDecisionRequest.newBuilder()
                                    .setSessionKey(KEY)
                                    .setDecisionId("99")
                                    .build()));
            assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
            assertEquals(
                    "no decision '99' to undo in session 'sim:undo'",
                    unknown.getStatus().getDescription());
            rig.panel()
                    .markIntentional(dev.gainstage.proto.v1.MarkIntentionalRequest.newBuilder()
                            .setSessionKey(KEY)
                            .setStageId(w.getStageId())
                            .setIntentional(true)
                            .build());
            CommandRunner.Result cleared = CommandRunner.run(DecisionsCommand::run, "--clear", "--sidecar", sidecar);
            assertEquals("cleared the decisions of session 'sim:undo'\n", cleared.out());
            assertEquals(
                    "no decisions to undo in session 'sim:undo'\n",
                    CommandRunner.run(DecisionsCommand::run, "--sidecar", sidecar)
                            .out());
        }
    }
}
