package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.GetRuleConfigRequest;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.RuleConfigView;
import dev.gainstage.proto.v1.RulesConfig;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetRuleOverridesRequest;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user decided, rule overrides included, survives a SIGKILL of the sidecar; a corrupt store
 * file is reported and set aside.
 */
class DecisionsSurviveACrashTest {
    @TempDir
    Path store;

    @TempDir
    Path work;

    private static final RulesConfig OVERRIDES = RulesConfig.newBuilder()
            .setSourceHotPeakDbfs(-10)
            .setSourceTargetPeakDbfs(-12)
            .build();

    @Test
    void anAcknowledgementAndRuleOverridesSurviveSigkill() throws Exception {
        Path rules = Files.writeString(work.resolve("rules.textproto"), "plugin_mismatch_db: 2\n");
        try (SidecarProcess first = SidecarProcess.start(store, work)) {
            withSession(first.port(), channel -> {
                PanelServiceGrpc.PanelServiceBlockingStub panel =
                        PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
                panel.acknowledge(AcknowledgeRequest.newBuilder()
                        .setSessionKey("crash-test")
                        .setItemId("source:vox/source")
                        .setReason("recorded hot on purpose")
                        .build());
                panel.markIntentional(MarkIntentionalRequest.newBuilder()
                        .setSessionKey("crash-test")
                        .setStageId("bass/sat")
                        .setIntentional(true)
                        .build());
                panel.setRuleOverrides(SetRuleOverridesRequest.newBuilder()
                        .setSessionKey("crash-test")
                        .setOverrides(OVERRIDES)
                        .build());
                return null;
            });
            first.kill();
        }
        // Restarted with a --rules file: the saved overrides go on top of it.
        try (SidecarProcess second = SidecarProcess.start(store, work, "--rules", rules.toString())) {
            RuleConfigView rulesView = withSession(second.port(), DecisionsSurviveACrashTest::ruleConfig);
            assertEquals(OVERRIDES, rulesView.getOverrides());
            assertEquals(RulesConfig.newBuilder().setPluginMismatchDb(2).build(), rulesView.getFile());
            assertEquals(-10, rulesView.getEffective().getSourceHotPeakDbfs());
            assertEquals(2, rulesView.getEffective().getPluginMismatchDb());

            SessionView view = withSession(
                    second.port(),
                    channel -> awaitView(channel, v -> v.getChecklist().getStepsCount() > 0));
            ChecklistItem item = view.getChecklist().getSteps(0).getItemsList().stream()
                    .filter(i -> i.getId().equals("source:vox/source"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(ItemState.ITEM_STATE_ACKNOWLEDGED, item.getState());
            assertEquals("recorded hot on purpose", item.getAckReason());
            assertTrue(view.getRowsList().stream()
                    .filter(r -> r.getStripId().equals("bass"))
                    .findFirst()
                    .orElseThrow()
                    .getStagesList()
                    .stream()
                    .filter(s -> s.getStageId().equals("bass/sat"))
                    .findFirst()
                    .orElseThrow()
                    .getIntentional());
            assertEquals(0, view.getNoticesCount());
        }
    }

    private static RuleConfigView ruleConfig(ManagedChannel channel) {
        return PanelServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getRuleConfig(GetRuleConfigRequest.newBuilder()
                        .setSessionKey("crash-test")
                        .build());
    }

    @Test
    void aCorruptStoreFileIsReportedInTheView() throws Exception {
        try (SidecarProcess first = SidecarProcess.start(store, work)) {
            withSession(first.port(), channel -> {
                PanelServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .acknowledge(AcknowledgeRequest.newBuilder()
                                .setSessionKey("crash-test")
                                .setItemId("source:vox/source")
                                .setReason("x")
                                .build());
                PanelServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .setRuleOverrides(SetRuleOverridesRequest.newBuilder()
                                .setSessionKey("crash-test")
                                .setOverrides(OVERRIDES)
                                .build());
                return null;
            });
            first.kill();
        }
        try (var files = Files.list(store)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "garbage\u0000\n");
        }
        try (SidecarProcess second = SidecarProcess.start(store, work)) {
            SessionView view = withSession(second.port(), channel -> awaitView(channel, v -> v.getRowsCount() > 0));
            assertEquals(1, view.getNoticesCount(), view.getNoticesList().toString());
            assertTrue(
                    view.getNotices(0).contains("unreadable")
                            && view.getNotices(0).contains(".corrupt-"),
                    view.getNotices(0));
            assertEquals(
                    RulesConfig.getDefaultInstance(),
                    withSession(second.port(), DecisionsSurviveACrashTest::ruleConfig)
                            .getOverrides(),
                    "the session starts without them, and says so");
        }
        try (var files = Files.list(store)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".corrupt-")), "the file was set aside");
        }
    }

    interface ChannelWork<T> {
        T run(ManagedChannel channel) throws Exception;
    }

    /** Attaches a test adapter with the test session, runs the work, detaches. */
    private static <T> T withSession(int port, ChannelWork<T> work) throws Exception {
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try (TestAdapter adapter = new TestAdapter(channel)) {
            adapter.hello("crash-test");
            adapter.snapshot(TestSession.session());
            adapter.await(SidecarMessage.BodyCase.ACK);
            return work.run(channel);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static SessionView awaitView(ManagedChannel channel, Predicate<SessionView> done) {
        Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .watch(WatchRequest.newBuilder().setSessionKey("crash-test").build());
        while (views.hasNext()) {
            SessionView v = views.next();
            if (done.test(v)) {
                return v;
            }
        }
        throw new AssertionError("no matching view");
    }
}
