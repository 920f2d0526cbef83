package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gainstage.engine.app.InProcessServerModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.ErrorCode;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionDelta;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.StageActiveChanged;
import dev.gainstage.proto.v1.StageMoved;
import dev.gainstage.proto.v1.StripRenamed;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzzer of the adapter stream: 100,000 messages sent, each a valid message mutated at random
 * (its bytes flipped, truncated or spliced, or its fields set to values out of range: unknown ids,
 * gaps, NaN and infinite samples, payloads that do not match their frame count). The sidecar must
 * answer every bad one with a protocol error, never crash or hit an internal error, keep its mirror
 * a valid graph throughout, and still meter correctly afterwards.
 */
class AdapterProtocolFuzzTest {
    static final int INPUTS = 100_000;
    static final long SEED = 0x6A1D5EEDL;

    @TempDir
    Path store;

    @Test
    void mutatedMessagesNeverCrashOrCorruptTheSession() throws Exception {
        String name = "fuzz-" + UUID.randomUUID();
        var injector = InProcessServerModule.sidecar(name, store, RuleConfig.defaults());
        SidecarServer server = injector.getInstance(SidecarServer.class);
        server.start();
        ManagedChannel channel =
                InProcessChannelBuilder.forName(name).directExecutor().build();
        try (TestAdapter adapter = new TestAdapter(channel)) {
            adapter.hello("fuzz");
            SessionSnapshot snapshot = TestSession.session();
            adapter.snapshot(snapshot);
            adapter.await(SidecarMessage.BodyCase.TAPS);
            List<TapAssignment> taps = adapter.subscription().getTapsList();
            SessionEngine engine =
                    injector.getInstance(SessionRegistry.class).find("fuzz").orElseThrow();

            SplittableRandom random = new SplittableRandom(SEED);
            List<AdapterMessage> seeds = seeds(snapshot, taps, random);
            int sent = 0;
            int unparsable = 0;
            for (int i = 0; sent < INPUTS; i++) {
                AdapterMessage m = mutate(seeds.get(random.nextInt(seeds.size())), random, taps);
                if (m == null) {
                    unparsable++;
                    continue;
                }
                if (m.getBodyCase() == AdapterMessage.BodyCase.HELLO) {
                    continue; // a second hello is refused, tested elsewhere; here it would only add noise
                }
                adapter.send(m);
                sent++;
                if (i % 5_000 == 0) {
                    SessionGraph g = engine.state().graph();
                    try {
                        SessionGraph.of(g.strips()); // the mirror is always a valid graph
                    } catch (GraphException e) {
                        throw new AssertionError("the mirror was corrupted after input " + i + ": " + e.getMessage());
                    }
                }
            }
            List<SidecarMessage> replies = new ArrayList<>();
            adapter.received.drainTo(replies);
            long internal = replies.stream()
                    .filter(r -> r.hasError() && r.getError().getCode() == ErrorCode.ERROR_CODE_UNSPECIFIED)
                    .count();
            assertEquals(
                    0,
                    internal,
                    "internal errors: "
                            + replies.stream()
                                    .filter(r ->
                                            r.hasError() && r.getError().getCode() == ErrorCode.ERROR_CODE_UNSPECIFIED)
                                    .limit(3)
                                    .toList());
            assertTrue(adapter.ended.isEmpty(), "the stream stayed open: " + adapter.ended.peek());
            assertTrue(unparsable > 1_000, "byte-level mutants that no longer parse are tried too: " + unparsable);
            assertTrue(replies.stream().anyMatch(SidecarMessage::hasError), "bad input was answered");

            // Afterwards: a clean resync, clean audio, correct levels.
            adapter.snapshot(snapshot.toBuilder().setSequence(1_000_000).build());
            adapter.await(SidecarMessage.BodyCase.TAPS);
            adapter.streamSines(1.0, tap -> -12.0);
            Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(20, TimeUnit.SECONDS)
                    .watch(WatchRequest.newBuilder().setSessionKey("fuzz").build());
            SessionView view = views.next();
            while (view.getRowsCount() < 3
                    || !view.getRows(0).getStages(0).getOutput().hasSamplePeakDbfs()
                    || Math.abs(view.getRows(0).getStages(0).getOutput().getSamplePeakDbfs() + 12) > 0.1) {
                view = views.next();
            }
            assertEquals(
                    List.of("Lead Vox", "Bass", "Master"),
                    view.getRowsList().stream().map(r -> r.getName()).toList());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.stop();
        }
    }

    /** Valid messages of every kind, to mutate. */
    private static List<AdapterMessage> seeds(SessionSnapshot snapshot, List<TapAssignment> taps, SplittableRandom r) {
        List<AdapterMessage> seeds = new ArrayList<>();
        seeds.add(AdapterMessage.newBuilder().setSnapshot(snapshot).build());
        seeds.add(AdapterMessage.newBuilder()
                .setDelta(SessionDelta.newBuilder()
                        .setSequence(2)
                        .setStripRenamed(
                                StripRenamed.newBuilder().setStripId("vox").setName("Vox")))
                .build());
        seeds.add(AdapterMessage.newBuilder()
                .setDelta(SessionDelta.newBuilder()
                        .setSequence(2)
                        .setStageMoved(
                                StageMoved.newBuilder().setStageId("vox/comp").setIndex(1)))
                .build());
        seeds.add(AdapterMessage.newBuilder()
                .setDelta(SessionDelta.newBuilder()
                        .setSequence(2)
                        .setStageActiveChanged(StageActiveChanged.newBuilder()
                                .setStageId("bass/sat")
                                .setActive(false)))
                .build());
        for (int k = 0; k < 4; k++) {
            TapBatch.Builder batch = TapBatch.newBuilder();
            for (TapAssignment t : taps) {
                batch.addBlocks(block(t.getHandle(), 64, r));
            }
            seeds.add(AdapterMessage.newBuilder().setTaps(batch).build());
        }
        return seeds;
    }

    static TapBlock block(int handle, int frames, SplittableRandom r) {
        ByteBuffer b = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            b.putFloat((float) (r.nextDouble() * 0.5 - 0.25));
        }
        return TapBlock.newBuilder()
                .setHandle(handle)
                .setSampleRate(48000)
                .setChannels(1)
                .setFrames(frames)
                .setSamples(ByteString.copyFrom(b.flip()))
                .build();
    }

    /** One mutation of a valid message; null when the mutated bytes no longer parse (not sendable). */
    static AdapterMessage mutate(AdapterMessage seed, SplittableRandom r, List<TapAssignment> taps) {
        switch (r.nextInt(6)) {
            case 0, 1 -> { // byte-level: flip, truncate, splice
                byte[] bytes = seed.toByteArray();
                int kind = r.nextInt(3);
                if (kind == 0) {
                    for (int n = 1 + r.nextInt(4); n > 0; n--) {
                        bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                } else if (kind == 1) {
                    bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));
                } else {
                    int at = r.nextInt(bytes.length);
                    byte[] junk = new byte[1 + r.nextInt(16)];
                    r.nextBytes(junk);
                    byte[] spliced = new byte[bytes.length + junk.length];
                    System.arraycopy(bytes, 0, spliced, 0, at);
                    System.arraycopy(junk, 0, spliced, at, junk.length);
                    System.arraycopy(bytes, at, spliced, at + junk.length, bytes.length - at);
                    bytes = spliced;
                }
                try {
                    return AdapterMessage.parseFrom(bytes);
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
            case 2 -> { // a tap block with fields out of range or a payload that lies
                TapBlock.Builder b =
                        block(taps.get(r.nextInt(taps.size())).getHandle(), 1 + r.nextInt(128), r).toBuilder();
                switch (r.nextInt(7)) {
                    case 0 -> b.setHandle(r.nextInt());
                    case 1 -> b.setSampleRate(r.nextInt(1_000_000));
                    case 2 -> b.setChannels(r.nextInt(20));
                    case 3 -> b.setFrames(r.nextInt(40_000));
                    case 4 -> {
                        ByteBuffer bad =
                                ByteBuffer.allocate(b.getSamples().size()).order(ByteOrder.LITTLE_ENDIAN);
                        bad.put(b.getSamples().asReadOnlyByteBuffer());
                        float[] poison = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
                        bad.putFloat(4 * r.nextInt(b.getFrames()), poison[r.nextInt(3)]);
                        b.setSamples(ByteString.copyFrom(bad.array()));
                    }
                    case 5 ->
                        b.setSamples(b.getSamples()
                                .substring(0, r.nextInt(b.getSamples().size())));
                    default -> b.setSamplePosition(r.nextLong());
                }
                return AdapterMessage.newBuilder()
                        .setTaps(TapBatch.newBuilder()
                                .addBlocks(block(taps.getFirst().getHandle(), 32, r))
                                .addBlocks(b))
                        .build();
            }
            case 3 -> { // a delta out of sequence, or on an unknown id
                SessionDelta.Builder d = SessionDelta.newBuilder().setSequence(r.nextLong());
                return r.nextBoolean()
                        ? AdapterMessage.newBuilder()
                                .setDelta(d.setStageActiveChanged(StageActiveChanged.newBuilder()
                                        .setStageId("nope/" + r.nextInt(100))
                                        .setActive(true)))
                                .build()
                        : AdapterMessage.newBuilder()
                                .setDelta(d.setStageMoved(StageMoved.newBuilder()
                                        .setStageId("vox/comp")
                                        .setIndex(r.nextInt(100))))
                                .build();
            }
            default -> {
                return seed;
            }
        }
    }
}
