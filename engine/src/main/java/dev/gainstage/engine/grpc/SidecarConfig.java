package dev.gainstage.engine.grpc;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sidecar listens. {@code port} 0 picks a free port; {@code portFile}, when set, receives the
 * port actually bound (scripts use it to find an ephemeral sidecar). {@code inProcessName}, when set,
 * serves in-process only (tests).
 */
public record SidecarConfig(String bindAddress, int port, Optional<Path> portFile, Optional<String> inProcessName) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 50551;

    public static SidecarConfig loopback(int port) {
        return new SidecarConfig(DEFAULT_BIND, port, Optional.empty(), Optional.empty());
    }

    public static SidecarConfig inProcess(String name) {
        return new SidecarConfig(DEFAULT_BIND, 0, Optional.empty(), Optional.of(name));
    }
}
