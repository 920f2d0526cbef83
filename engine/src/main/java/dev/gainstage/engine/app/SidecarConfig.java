package dev.gainstage.engine.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sidecar listens. {@code port} 0 picks a free port; {@code portFile}, when set, receives the
 * port actually bound (scripts use it to find an ephemeral sidecar). {@code storeDir} is where
 * decisions are kept per DAW session.
 * {@code meterThreads} is how many threads meter a large batch of taps, 0 for one per core (fewer
 * leave cores to the DAW on the same machine).
 */
public record SidecarConfig(
        String bindAddress,
        int port,
        Optional<Path> portFile,
        Path storeDir,
        SidecarSecurity security,
        int meterThreads) {
    public SidecarConfig {
        if (meterThreads < 0 || meterThreads > MAX_METER_THREADS) {
            throw new IllegalArgumentException(
                    "--meter-threads " + meterThreads + " is outside 0.." + MAX_METER_THREADS);
        }
    }

    public static final int MAX_METER_THREADS = 64;

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 50551;

    public static SidecarConfig loopback(int port, Path storeDir) {
        return new SidecarConfig(DEFAULT_BIND, port, Optional.empty(), storeDir, SidecarSecurity.NONE, 0);
    }

    /** Threads to meter on: {@code meterThreads}, or one per core when it is 0. */
    public int meterThreadsOrCores() {
        return meterThreads == 0 ? Runtime.getRuntime().availableProcessors() : meterThreads;
    }

    /** $XDG_DATA_HOME/gainstage/sessions, or ~/.local/share/gainstage/sessions. */
    public static Path defaultStoreDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("gainstage").resolve("sessions");
    }
}
