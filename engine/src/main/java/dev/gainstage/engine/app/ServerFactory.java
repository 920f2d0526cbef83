package dev.gainstage.engine.app;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import java.io.IOException;
import java.util.List;

/** Builds and starts the gRPC server for the sidecar's services: on a socket, or in-process in tests. */
public interface ServerFactory {
    /**
     * @return the started server
     * @throws IOException naming what stopped it (the address refused, the port taken); nothing is left running
     */
    Server start(List<ServerServiceDefinition> services) throws IOException;
}
