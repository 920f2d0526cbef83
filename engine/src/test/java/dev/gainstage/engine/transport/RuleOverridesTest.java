package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.cli.RulesCommand;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.store.DecisionStore;
import dev.gainstage.engine.testing.CommandRunner;
import dev.gainstage.proto.v1.GetRuleConfigRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.RuleConfigView;
import dev.gainstage.proto.v1.RulesConfig;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetRuleOverridesRequest;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.Warning;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's own thresholds over a real sidecar on loopback: they change what the rules judge from
 * the next tick, a refused change leaves everything as it was, and the {@code rules} command sets
 * and shows them.
 */
class RuleOverridesTest {
    private static final String KEY = "rules-test";
    private static final String HOT = "SOURCE_TOO_HOT@vox/source";
    /** The sidecar's --rules file layer in these tests. */
    private static final RuleOverrides FILE = new RuleOverrides(Map.of("plugin_mismatch_db", 2.0));

    @TempDir
    Path store;

    private SidecarServer server;
    private ManagedChannel channel;
    private TestAdapter adapter;
    private PanelServiceGrpc.PanelServiceBlockingStub panel;

    @BeforeEach
    void attach() throws Exception {
        server = Guice.createInjector(new SidecarModule(SidecarConfig.loopback(0, store), FILE))
                .getInstance(SidecarServer.class);
        server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .build();
        panel = PanelServiceGrpc.newBlockingStub(channel);
        adapter = new TestAdapter(channel);
        adapter.hello(KEY);
        adapter.snapshot(TestSession.session());
        adapter.await(SidecarMessage.BodyCase.ACK);
        adapter.await(SidecarMessage.BodyCase.TAPS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        adapter.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }

    /** The vox source (and its trim) at -8 dBFS: in range by default (hot above -6); the rest at -12. */
    private static double minus8Vox(TapAssignment tap) {
        return tap.getStageId().equals("vox/source") || tap.getStageId().equals("vox/trim") ? -8.0 : -12.0;
    }

    private RuleConfigView set(RulesConfig overrides, String... clear) {
        return panel.withDeadlineAfter(10, TimeUnit.SECONDS)
                .setRuleOverrides(SetRuleOverridesRequest.newBuilder()
                        .setSessionKey(KEY)
                        .setOverrides(overrides)
                        .addAllClear(List.of(clear))
                        .build());
    }

    private RuleConfigView get() {
        return panel.withDeadlineAfter(10, TimeUnit.SECONDS)
                .getRuleConfig(
                        GetRuleConfigRequest.newBuilder().setSessionKey(KEY).build());
    }

    private static RulesConfig stricter() {
        return RulesConfig.newBuilder()
                .setSourceHotPeakDbfs(-10)
                .setSourceTargetPeakDbfs(-12)
                .build();
    }

    @Test
    void aLowerHotThresholdRaisesAWarningTheDefaultsWouldNotAndClearingItClearsTheWarning() throws Exception {
        adapter.streamSines(4.0, RuleOverridesTest::minus8Vox);
        SessionView before = awaitView(v -> v.getAudioTimeSeconds() >= 3.8);
        assertTrue(warning(before, HOT).isEmpty(), "-8 dBFS is in range by default: " + before.getWarningsList());

        RuleConfigView stricter = set(stricter());
        assertEquals(-10, stricter.getEffective().getSourceHotPeakDbfs());
        assertEquals(stricter(), stricter.getOverrides());
        assertEquals(RulesConfig.newBuilder().setPluginMismatchDb(2.0).build(), stricter.getFile());
        assertEquals(2.0, stricter.getEffective().getPluginMismatchDb(), "the file layer stays under the session's");
        assertEquals(0.0, stricter.getEffective().getMasterPeakDbfs(), "the default under both");

        adapter.streamSines(1.0, RuleOverridesTest::minus8Vox);
        Warning hot = warning(awaitView(v -> warning(v, HOT).isPresent()), HOT).orElseThrow();
        assertEquals(-10, hot.getThreshold(), 1e-9);
        assertEquals(-8, hot.getMeasured(), 0.1);
        assertEquals(-4, hot.getFix(0).getChangeDb(), 0.1, "trim toward the session's target, -12");

        // Back to the default: the warning is not dropped but clears through the usual hysteresis.
        RuleConfigView cleared =
                set(RulesConfig.getDefaultInstance(), "source_hot_peak_dbfs", "source_target_peak_dbfs");
        assertEquals(RulesConfig.getDefaultInstance(), cleared.getOverrides());
        assertEquals(-6, cleared.getEffective().getSourceHotPeakDbfs());
        adapter.streamSines(1.0, RuleOverridesTest::minus8Vox);
        SessionView clearing = awaitView(v -> v.getAudioTimeSeconds() >= 5.8);
        assertTrue(
                warning(clearing, HOT).orElseThrow().getClearing(),
                clearing.getWarningsList().toString());
        adapter.streamSines(3.5, RuleOverridesTest::minus8Vox);
        assertTrue(warning(awaitView(v -> v.getAudioTimeSeconds() >= 9.3), HOT).isEmpty());
    }

    @Test
    void anAbsurdOverrideIsRefusedByNameAndChangesNothing() throws Exception {
        set(stricter());
        Path file = new DecisionStore(store, Clock.systemUTC()).fileFor(KEY);
        byte[] saved = Files.readAllBytes(file);

        assertRefused(
                RulesConfig.newBuilder().setPluginMismatchDb(500).build(), "plugin_mismatch_db = 500.0 is outside");
        assertRefused(RulesConfig.newBuilder().setClearMarginDb(Double.NaN).build(), "clear_margin_db = NaN");
        assertRefused(
                RulesConfig.newBuilder()
                        .setSourceQuietPeakDbfs(-5)
                        .setPluginMismatchDb(0.5)
                        .build(),
                "source_quiet_peak_dbfs (-5.0) must be below source_hot_peak_dbfs (-10.0)");
        assertRefused(RulesConfig.getDefaultInstance(), "unknown threshold 'no_such_threshold'", "no_such_threshold");
        assertRefused(stricter(), "both set and cleared: source_hot_peak_dbfs", "source_hot_peak_dbfs");

        assertEquals(stricter(), get().getOverrides(), "the previous overrides stand");
        assertArrayEquals(saved, Files.readAllBytes(file), "and nothing was written");
    }

    private void assertRefused(RulesConfig overrides, String expected, String... clear) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> set(overrides, clear));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(
                e.getStatus().getDescription().contains(expected), e.getStatus().getDescription());
    }

    @Test
    void anUnknownSessionIsNotFound() {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> panel.setRuleOverrides(SetRuleOverridesRequest.newBuilder()
                        .setSessionKey("nope")
                        .setOverrides(stricter())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertTrue(
                e.getStatus().getDescription().contains("'nope'"), e.getStatus().getDescription());
        assertEquals(
                Status.Code.NOT_FOUND,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> panel.getRuleConfig(GetRuleConfigRequest.newBuilder()
                                        .setSessionKey("nope")
                                        .build()))
                        .getStatus()
                        .getCode());
    }

    @Test
    void theRulesCommandSetsClearsAndShowsWhereEachThresholdComesFrom() {
        String sidecar = "127.0.0.1:" + server.port();
        CommandRunner.Result set = CommandRunner.run(
                RulesCommand::run,
                "--sidecar",
                sidecar,
                "--session",
                KEY,
                "--set",
                "source_hot_peak_dbfs=-10",
                "--set",
                "source_target_peak_dbfs=-12",
                "--show");
        assertEquals(0, set.status(), set.err());
        assertTrue(
                set.out()
                        .contains(
                                "session 'rules-test' overrides: source_hot_peak_dbfs=-10, source_target_peak_dbfs=-12"),
                set.out());
        assertTrue(set.out().matches("(?s).*source_hot_peak_dbfs +-10 +session\n.*"), set.out());
        assertTrue(set.out().matches("(?s).*plugin_mismatch_db +2 +file\n.*"), set.out());
        assertTrue(set.out().matches("(?s).*master_peak_dbfs +0 +default\n.*"), set.out());
        assertEquals(stricter(), get().getOverrides());

        CommandRunner.Result absurd =
                CommandRunner.run(RulesCommand::run, "--sidecar", sidecar, "--set", "plugin_mismatch_db=500");
        assertEquals(2, absurd.status());
        assertTrue(
                absurd.err().contains("nothing changed") && absurd.err().contains("plugin_mismatch_db"), absurd.err());
        assertEquals(stricter(), get().getOverrides());

        CommandRunner.Result clear = CommandRunner.run(
                RulesCommand::run,
                "--sidecar",
                sidecar,
                "--clear",
                "source_target_peak_dbfs",
                "--set",
                "source_hot_peak_dbfs=-9");
        assertEquals(0, clear.status(), clear.err());
        assertEquals(RulesConfig.newBuilder().setSourceHotPeakDbfs(-9).build(), get().getOverrides());

        CommandRunner.Result all =
                CommandRunner.run(RulesCommand::run, "--sidecar", sidecar, "--session", KEY, "--clear-all");
        assertEquals(0, all.status(), all.err());
        assertTrue(all.out().contains("overrides: none"), all.out());
        CommandRunner.Result show = CommandRunner.run(RulesCommand::run, "--sidecar", sidecar);
        assertTrue(show.out().matches("(?s).*source_hot_peak_dbfs +-6 +default\n.*"), show.out());

        CommandRunner.Result unknown =
                CommandRunner.run(RulesCommand::run, "--sidecar", sidecar, "--session", "nope", "--show");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("no session 'nope'"), unknown.err());
    }

    private static Optional<Warning> warning(SessionView view, String id) {
        return view.getWarningsList().stream().filter(w -> w.getId().equals(id)).findFirst();
    }

    private SessionView awaitView(Predicate<SessionView> done) {
        return TestSession.awaitView(channel, KEY, done);
    }
}
