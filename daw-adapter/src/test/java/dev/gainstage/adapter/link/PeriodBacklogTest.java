package dev.gainstage.adapter.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A real stream to a sidecar on the loopback that stops reading: the producer's periods go out while the stream takes
 * them, then up to eight wait, then the oldest are dropped; when the sidecar reads again the waiting ones go out, in
 * order. Nothing here depends on how much gRPC buffers: each period is accounted for once, whatever the machine.
 */
class PeriodBacklogTest {
    /** A period of 1 MiB: a few fill gRPC's buffers and windows. */
    private static final ByteString MIB = ByteString.copyFrom(new byte[1 << 20]);

    @Test
    void aStalledStreamHoldsEightPeriodsThenDropsTheOldestAndSendsTheRestWhenItMovesAgain() throws Exception {
        List<Long> received = new CopyOnWriteArrayList<>();
        AtomicReference<ServerCallStreamObserver<SidecarMessage>> call = new AtomicReference<>();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(8 << 20)
                // a fixed window: by default Netty grows it from what arrives (BDP pings), read or not, and a
                // window growing while the sidecar reads nothing makes the stream ready again for a moment
                .flowControlWindow(1 << 20)
                .addService(new AdapterServiceGrpc.AdapterServiceImplBase() {
                    @Override
                    public StreamObserver<AdapterMessage> attach(StreamObserver<SidecarMessage> out) {
                        ServerCallStreamObserver<SidecarMessage> c = (ServerCallStreamObserver<SidecarMessage>) out;
                        c.disableAutoRequest(); // reads nothing until the test says so
                        call.set(c);
                        return new StreamObserver<>() {
                            @Override
                            public void onNext(AdapterMessage m) {
                                received.add(m.getTaps().getBlocks(0).getSamplePosition());
                            }

                            @Override
                            public void onError(Throwable t) {}

                            @Override
                            public void onCompleted() {
                                out.onCompleted();
                            }
                        };
                    }
                })
                .build()
                .start();
        List<Long> sent = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        try (SidecarLink link =
                new SidecarLink(new SidecarAddress("127.0.0.1", server.getPort()), new QuietListener())) {
            link.connect();
            awaitTrue(() -> link.connected() && link.isReady() && call.get() != null, "connected");
            PeriodBacklog backlog = new PeriodBacklog(link, new PeriodBacklog.Outcome() {
                @Override
                public void sent(PeriodBacklog.Period p) {
                    sent.add(p.producedNanos());
                }

                @Override
                public void dropped(PeriodBacklog.Period p) {
                    dropped.add(p.producedNanos());
                }
            });
            long added = 0;
            // until the stream is full and eight periods wait, then four more: four dropped. The stream may turn
            // ready once more just after it first filled (the event loop finishing a write it had begun), so it
            // counts as full only once it has stayed not ready for 200 ms, periods topped up meanwhile.
            long notReadySince = System.nanoTime();
            while (backlog.size() < PeriodBacklog.MAX_HELD
                    || System.nanoTime() - notReadySince < TimeUnit.MILLISECONDS.toNanos(200)) {
                if (link.isReady()) {
                    notReadySince = System.nanoTime();
                    backlog.flush();
                }
                if (backlog.size() < PeriodBacklog.MAX_HELD) {
                    backlog.add(period(added), added);
                    added++;
                    assertTrue(added < 100, "the stream never filled");
                } else {
                    Thread.sleep(5);
                }
            }
            assertTrue(dropped.isEmpty(), "nothing dropped while periods could still wait: " + dropped);
            for (int i = 0; i < 4; i++) {
                backlog.add(period(added), added);
                added++;
            }
            assertEquals(PeriodBacklog.MAX_HELD, backlog.size());
            long firstHeld = sent.size();
            assertEquals(List.of(firstHeld, firstHeld + 1, firstHeld + 2, firstHeld + 3), dropped, "the oldest held");

            call.get().request(Integer.MAX_VALUE); // the sidecar reads again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (backlog.size() > 0 && System.nanoTime() < deadline) {
                backlog.waitUntil(System.nanoTime() + 50_000_000);
            }
            assertEquals(0, backlog.size(), "the periods held went out");
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < added; i++) {
                if (!dropped.contains(i)) {
                    expected.add(i);
                }
            }
            assertEquals(expected, sent, "every period not dropped was sent, oldest first");
            awaitTrue(() -> received.size() == expected.size(), "the sidecar received them");
            assertEquals(expected, received);
        } finally {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void withNoStreamAPeriodIsDroppedAtOnce() throws Exception {
        try (SidecarLink link = new SidecarLink(new SidecarAddress("127.0.0.1", 9), new QuietListener())) {
            // never connected: there is nobody to wait for
            List<Long> dropped = new ArrayList<>();
            PeriodBacklog backlog = new PeriodBacklog(link, new PeriodBacklog.Outcome() {
                @Override
                public void sent(PeriodBacklog.Period p) {
                    throw new AssertionError("sent with no stream");
                }

                @Override
                public void dropped(PeriodBacklog.Period p) {
                    dropped.add(p.producedNanos());
                }
            });
            assertFalse(PeriodBacklog.holds(link, 1));
            backlog.add(period(0), 0);
            assertEquals(List.of(0L), dropped);
            assertEquals(0, backlog.size());
        }
    }

    private static TapBatch period(long position) {
        return TapBatch.newBuilder()
                .addBlocks(TapBlock.newBuilder()
                        .setHandle(1)
                        .setSampleRate(48_000)
                        .setChannels(1)
                        .setFrames(MIB.size() / Float.BYTES)
                        .setSamplePosition(position)
                        .setSamples(MIB))
                .build();
    }

    private interface Check {
        boolean ok();
    }

    private static void awaitTrue(Check check, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(5);
        }
    }
}
