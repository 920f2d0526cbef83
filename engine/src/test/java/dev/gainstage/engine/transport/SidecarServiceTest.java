package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.protobuf.ByteString;
import dev.gainstage.engine.app.InProcessServerModule;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.ErrorCode;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SessionDelta;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.StripRenamed;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.Warning;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sidecar over a real gRPC server, in-process and on loopback: known tap blocks in, warnings out. */
class SidecarServiceTest {
    @TempDir
    Path store;

    private SidecarServer server;
    private ManagedChannel channel;

    private void start(String transport) throws Exception {
        String name = "sidecar-" + UUID.randomUUID();
        server = (transport.equals("inprocess")
                        ? InProcessServerModule.sidecar(name, store, RuleConfig.defaults())
                        : Guice.createInjector(
                                new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults())))
                .getInstance(SidecarServer.class);
        server.start();
        channel = transport.equals("inprocess")
                ? InProcessChannelBuilder.forName(name).directExecutor().build()
                : NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                        .usePlaintext()
                        .build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inprocess", "loopback"})
    void knownTapBlocksRaiseTheExpectedWarnings(String transport) throws Exception {
        start(transport);
        try (TestAdapter adapter = new TestAdapter(channel)) {
            adapter.hello("test-session");
            adapter.snapshot(TestSession.session());
            assertEquals(1, adapter.await(SidecarMessage.BodyCase.ACK).getAck().getSequence());
            adapter.await(SidecarMessage.BodyCase.TAPS);
            assertEquals(
                    2 * 5 + 2 * 5 - 2 + 1 + 2 - 0,
                    adapter.subscription().getTapsCount(),
                    "every stage's input and output, sources' output only");
            // 3 s for the first short-term loudness, 3 s more for the mismatch window, then 300 ms to raise.
            adapter.streamSines(8.0, TestSession::peakOf);

            SessionView view = awaitView(v -> v.getAudioTimeSeconds() >= 7.9 && v.getWarningsCount() >= 6);
            Set<String> ids =
                    view.getWarningsList().stream().map(Warning::getId).collect(Collectors.toSet());
            assertEquals(
                    Set.of(
                            "SOURCE_TOO_HOT@vox/source",
                            "SOURCE_TOO_QUIET@bass/source",
                            "PLUGIN_GAIN_MISMATCH@vox/comp",
                            "PLUGIN_GAIN_MISMATCH@bass/sat",
                            "PLUGIN_OUTPUT_HOT@bass/sat",
                            "MASTER_OVER_0DBFS@master/output"),
                    ids);
            Warning mismatch = view.getWarningsList().stream()
                    .filter(w -> w.getId().equals("PLUGIN_GAIN_MISMATCH@vox/comp"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("Lead Vox", mismatch.getStripName());
            assertEquals("ACE Compressor", mismatch.getStageName());
            assertEquals(-7.0, mismatch.getFix(0).getChangeDb(), 0.3, mismatch.toString());
            assertTrue(
                    mismatch.getMessage().startsWith("Lead Vox \u25B8 ACE Compressor adds 7"), mismatch.getMessage());
            Warning hot = view.getWarningsList().stream()
                    .filter(w -> w.getId().equals("SOURCE_TOO_HOT@vox/source"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(-3.0, hot.getMeasured(), 0.1);
            assertEquals("vox/trim", hot.getFix(0).getStageId());
            assertEquals(-6.0, hot.getFix(0).getChangeDb(), 0.1, "trim by (-9 - peak)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inprocess", "loopback"})
    void badMessagesAreRefusedByNameAndLeaveTheSessionIntact(String transport) throws Exception {
        start(transport);
        try (TestAdapter adapter = new TestAdapter(channel)) {
            adapter.hello("bad-input");
            adapter.snapshot(TestSession.session());
            assertEquals(1, adapter.await(SidecarMessage.BodyCase.ACK).getAck().getSequence());
            adapter.await(SidecarMessage.BodyCase.TAPS);
            TapAssignment first = adapter.subscription().getTaps(0);

            ByteBuffer nan = ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(0.5f)
                    .putFloat(Float.NaN)
                    .flip();
            adapter.send(AdapterMessage.newBuilder()
                    .setTaps(TapBatch.newBuilder()
                            .addBlocks(TapBlock.newBuilder()
                                    .setHandle(first.getHandle())
                                    .setSampleRate(48000)
                                    .setChannels(1)
                                    .setFrames(2)
                                    .setSamples(ByteString.copyFrom(nan))))
                    .build());
            ProtocolError e1 = adapter.awaitError();
            assertEquals(ErrorCode.ERROR_CODE_INVALID_FIELD, e1.getCode());
            assertEquals("taps.blocks[0].samples", e1.getField());
            assertTrue(e1.getMessage().contains("NaN"), e1.getMessage());

            adapter.send(AdapterMessage.newBuilder()
                    .setTaps(TapBatch.newBuilder()
                            .addBlocks(TapBlock.newBuilder()
                                    .setHandle(9999)
                                    .setSampleRate(48000)
                                    .setChannels(1)
                                    .setFrames(1)
                                    .setSamples(ByteString.copyFrom(new byte[4]))))
                    .build());
            ProtocolError e2 = adapter.awaitError();
            assertEquals(ErrorCode.ERROR_CODE_UNKNOWN_ID, e2.getCode());
            assertTrue(e2.getMessage().contains("9999"), e2.getMessage());

            adapter.send(AdapterMessage.newBuilder()
                    .setTaps(TapBatch.newBuilder()
                            .addBlocks(TapBlock.newBuilder()
                                    .setHandle(first.getHandle())
                                    .setSampleRate(48000)
                                    .setChannels(1)
                                    .setFrames(4)
                                    .setSamples(ByteString.copyFrom(new byte[12]))))
                    .build());
            ProtocolError e3 = adapter.awaitError();
            assertTrue(e3.getMessage().contains("12 bytes") && e3.getMessage().contains("16"), e3.getMessage());

            adapter.send(AdapterMessage.newBuilder()
                    .setDelta(SessionDelta.newBuilder()
                            .setSequence(5)
                            .setStripRenamed(
                                    StripRenamed.newBuilder().setStripId("vox").setName("x")))
                    .build());
            ProtocolError gap = adapter.awaitError();
            assertEquals(ErrorCode.ERROR_CODE_SEQUENCE_GAP, gap.getCode());
            assertTrue(gap.getResyncRequired());

            // The session survived all of it: a resync and good audio still produce a view.
            adapter.snapshot(TestSession.session().toBuilder().setSequence(7).build());
            assertEquals(7, adapter.await(SidecarMessage.BodyCase.ACK).getAck().getSequence());
            adapter.streamSines(1.0, tap -> -12.0);
            SessionView view = awaitView(v -> v.getAudioTimeSeconds() >= 0.9);
            assertEquals("Lead Vox", view.getRows(0).getName());
            assertFalse(view.getRows(0).getStages(0).getOutput().getSamplePeakDbfs() > -11.9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inprocess", "loopback"})
    void aStreamThatDoesNotStartWithHelloIsClosed(String transport) throws Exception {
        start(transport);
        try (TestAdapter adapter = new TestAdapter(channel)) {
            adapter.snapshot(TestSession.session());
            Throwable t = adapter.ended.poll(10, TimeUnit.SECONDS);
            assertEquals(
                    Status.Code.FAILED_PRECONDITION, Status.fromThrowable(t).getCode());
            assertTrue(Status.fromThrowable(t).getDescription().contains("hello"));
        }
    }

    private SessionView awaitView(java.util.function.Predicate<SessionView> done) {
        return TestSession.awaitView(channel, "", done);
    }
}
