package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.panel.overview.CellText;
import dev.gainstage.panel.overview.OverviewModel;
import dev.gainstage.panel.overview.OverviewPanel;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.AcknowledgeResponse;
import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.MarkIntentionalResponse;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.Warning;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** What the panel says in words: status lines, names, the sort box, tooltips. Without a display. */
class WordsTest {
    static final ToIntFunction<String> SIX_PX = s -> 6 * s.length();

    static SessionView vox() {
        return SessionView.newBuilder()
                .setSessionKey("k")
                .addRows(OverviewRow.newBuilder()
                        .setStripId("vox")
                        .setName("Lead Vox")
                        .addStages(StageView.newBuilder()
                                .setStageId("vox/comp")
                                .setName("ACE Compressor")
                                .setKind(StageKind.STAGE_KIND_PLUGIN)))
                .setChecklist(Checklist.newBuilder()
                        .addSteps(ChecklistStep.newBuilder()
                                .addItems(ChecklistItem.newBuilder()
                                        .setId("source:kick/source")
                                        .setText("Kick: source peaks in range"))))
                .build();
    }

    static Warning mismatch() {
        return Warning.newBuilder()
                .setId("PLUGIN_GAIN_MISMATCH@vox/comp")
                .setRule(Rule.PLUGIN_GAIN_MISMATCH)
                .setTitle("plugin changes the loudness")
                .setSeverity(Severity.SEVERITY_WARNING)
                .setStripName("Lead Vox")
                .setStageId("vox/comp")
                .setStageName("ACE Compressor")
                .build();
    }

    @Test
    void warningsStagesAndItemsAreNamedNotIdentified() {
        assertEquals("plugin changes the loudness on Lead Vox \u25B8 ACE Compressor", Words.warning(mismatch()));
        assertEquals("Lead Vox \u25B8 ACE Compressor", Words.stage(vox(), "vox/comp"));
        assertEquals("Kick: source peaks in range", Words.item(vox(), "source:kick/source"));
        String failure = Words.failure(Status.UNAVAILABLE);
        assertEquals("the sidecar is not reachable", failure);
        assertEquals(
                "the sidecar refused it: reason is empty",
                Words.failure(Status.INVALID_ARGUMENT.withDescription("reason is empty")));
    }

    @Test
    void theSortBoxShowsWords() {
        assertEquals("[Session order, Worst first, By name]", Arrays.toString(OverviewModel.Sort.values()));
    }

    /** A sidecar that accepts every decision. */
    static final class AcceptingSidecar extends PanelServiceGrpc.PanelServiceImplBase {
        @Override
        public void acknowledge(AcknowledgeRequest request, StreamObserver<AcknowledgeResponse> responses) {
            responses.onNext(AcknowledgeResponse.getDefaultInstance());
            responses.onCompleted();
        }

        @Override
        public void markIntentional(MarkIntentionalRequest request, StreamObserver<MarkIntentionalResponse> responses) {
            responses.onError(Status.NOT_FOUND.asRuntimeException());
        }
    }

    @Test
    void theStatusLineNamesWhatWasDecided() throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new AcceptingSidecar())
                .build()
                .start();
        ManagedChannel channel =
                InProcessChannelBuilder.forName(name).directExecutor().build();
        PanelModel model = new PanelModel();
        PanelActions actions = new PanelActions(model, channel);
        try {
            SwingUtilities.invokeAndWait(() -> {
                model.setView(vox());
                actions.acknowledgeWarning(mismatch(), "it is the sound");
            });
            assertEquals(
                    "Acknowledged plugin changes the loudness on Lead Vox \u25B8 ACE Compressor", awaitMessage(model));
            SwingUtilities.invokeAndWait(() -> {
                model.setMessage("");
                actions.acknowledgeItem("source:kick/source", "fine");
            });
            assertEquals("Acknowledged \u201CKick: source peaks in range\u201D", awaitMessage(model));
            SwingUtilities.invokeAndWait(() -> {
                model.setMessage("");
                actions.markIntentional("vox/comp", true);
            });
            assertEquals(
                    "Mark Lead Vox \u25B8 ACE Compressor as intentional saturation failed: the sidecar does not "
                            + "know it (the session or warning has gone)",
                    awaitMessage(model));
        } finally {
            actions.close();
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    private static String awaitMessage(PanelModel model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        AtomicReference<String> m = new AtomicReference<>("");
        while (System.nanoTime() < deadline) {
            SwingUtilities.invokeAndWait(() -> m.set(model.message()));
            if (!m.get().isEmpty()) {
                return m.get();
            }
            Thread.sleep(20);
        }
        return m.get();
    }

    @Test
    void longNamesLoseTheirMiddleNeverTheirEnds() {
        assertEquals("Tube Saturator", TextFit.middle("Tube Saturator", 84, SIX_PX));
        String cut = TextFit.middle("Tube Saturator", 60, SIX_PX);
        assertEquals("Tube S\u2026tor", cut);
        assertTrue(SIX_PX.applyAsInt(cut) <= 60, cut);
        assertEquals("\u2026", TextFit.middle("Tube Saturator", 8, SIX_PX));
        assertEquals("", TextFit.middle("Tube Saturator", 3, SIX_PX));
    }

    @Test
    void aCellShowsItsPluginsInToOutChangeWhateverTheNameLength() {
        SessionView view = SessionView.newBuilder()
                .setSessionKey("k")
                .addRows(OverviewRow.newBuilder()
                        .setStripId("bass")
                        .setName("Bass")
                        .addStages(Views.stage(
                                "bass/source", StageKind.STAGE_KIND_SOURCE, -9, StagingState.STAGING_STATE_IN_RANGE))
                        .addStages(Views.stage(
                                        "bass/sat",
                                        StageKind.STAGE_KIND_PLUGIN,
                                        2.2,
                                        StagingState.STAGING_STATE_CLIPPING)
                                .toBuilder()
                                .setName("Tube Saturator Deluxe Edition")
                                .setGainDeltaDb(14.6)))
                .build();
        OverviewModel overview = new OverviewModel();
        overview.update(view);
        OverviewPanel panel = new OverviewPanel(new PanelModel(), overview);
        panel.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int width : new int[] {300, 820, 1920}) {
            panel.setSize(width, 200);
            panel.refresh();
            CellText t = panel.textOf("bass/sat");
            assertEquals("+14.6 dB", t.delta(), "at " + width);
            assertTrue(t.name().startsWith("Tu") && t.name().endsWith("n"), t.name());
            assertEquals("+2.2", t.output().peak().split(" ")[0]);
        }
        panel.setSize(1920, 200);
        assertEquals("Tube Saturator Deluxe Edition", panel.textOf("bass/sat").name(), "in full when there is room");
        assertEquals(null, panel.textOf("bass/source").input(), "a source has no input meter");
    }

    @Test
    void aTooltipMovesInsideTheWindow() {
        Rectangle window = new Rectangle(0, 0, 820, 900);
        Dimension tip = new Dimension(300, 80);
        assertEquals(new Point(108, 216), Tooltips.inside(window, tip, new Point(100, 200)));
        Point nearEdge = Tooltips.inside(window, tip, new Point(800, 880));
        assertTrue(
                new Rectangle(nearEdge, tip).intersection(window).equals(new Rectangle(nearEdge, tip)),
                nearEdge.toString());
        Point huge = Tooltips.inside(window, new Dimension(1000, 80), new Point(400, 10));
        assertEquals(0, huge.x, "wider than the window: starts at its left edge");
        assertEquals("<html>a &lt;b&gt;<br>c</html>", Tooltips.lines("a <b>", "c"));
    }
}
