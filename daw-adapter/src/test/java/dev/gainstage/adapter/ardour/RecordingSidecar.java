package dev.gainstage.adapter.ardour;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapDropReport;
import dev.gainstage.proto.v1.TapSubscription;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in sidecar on the loopback: subscribes every Attach stream to the given taps, keeps the drop reports and the
 * tap batches.
 */
final class RecordingSidecar implements AutoCloseable {
    private final Server server;
    final BlockingQueue<TapDropReport> drops = new LinkedBlockingQueue<>();
    final BlockingQueue<TapBatch> batches = new LinkedBlockingQueue<>();

    RecordingSidecar(TapSubscription subscription) throws IOException {
        this(subscription, false);
    }

    /** @param holdOpen never end a stream the adapter ended (so its close waits until the channel gives up) */
    RecordingSidecar(TapSubscription subscription, boolean holdOpen) throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new AdapterServiceGrpc.AdapterServiceImplBase() {
                    @Override
                    public StreamObserver<AdapterMessage> attach(StreamObserver<SidecarMessage> out) {
                        out.onNext(SidecarMessage.newBuilder()
                                .setTaps(subscription)
                                .build());
                        return new StreamObserver<>() {
                            @Override
                            public void onNext(AdapterMessage m) {
                                if (m.hasDrops()) {
                                    drops.add(m.getDrops());
                                }
                                if (m.hasTaps()) {
                                    batches.add(m.getTaps());
                                }
                            }

                            @Override
                            public void onError(Throwable t) {}

                            @Override
                            public void onCompleted() {
                                if (!holdOpen) {
                                    out.onCompleted();
                                }
                            }
                        };
                    }
                })
                .build()
                .start();
    }

    SidecarAddress address() {
        return new SidecarAddress("127.0.0.1", server.getPort());
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
