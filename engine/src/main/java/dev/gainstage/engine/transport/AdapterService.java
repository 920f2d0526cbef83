package dev.gainstage.engine.transport;

import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.SidecarMessage;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;

/** The adapter-facing service: one {@link AdapterConnection} per Attach stream. */
public final class AdapterService extends AdapterServiceGrpc.AdapterServiceImplBase {
    private final SessionRegistry registry;

    @Inject
    AdapterService(SessionRegistry registry) {
        this.registry = registry;
    }

    /** The service to serve: as generated, with tap blocks parsed without a copy of their own ({@link AliasingAttach}). */
    public ServerServiceDefinition definition() {
        return AliasingAttach.apply(bindService());
    }

    @Override
    public StreamObserver<AdapterMessage> attach(StreamObserver<SidecarMessage> responses) {
        // gRPC hands every server call's responses over as a ServerCallStreamObserver.
        return new AdapterConnection(registry, (ServerCallStreamObserver<SidecarMessage>) responses);
    }
}
