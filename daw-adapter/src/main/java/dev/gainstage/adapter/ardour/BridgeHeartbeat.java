package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * The adapter's side of the file channel to the bridge (Lua in Ardour cannot receive OSC): "adapter" in the
 * control folder says which UDP port to report to, refreshed every second; a stale or missing file tells
 * the bridge the adapter is gone, and it removes its taps. It also names the words of the plugin controls the
 * bridge reports ({@link OutputControl}).
 */
public final class BridgeHeartbeat {
    private final Path file;
    private final int port;
    private final Clock clock;

    public BridgeHeartbeat(Path controlDir, int port, Clock clock) {
        this.file = controlDir.resolve("adapter");
        this.port = port;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public void beat() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("adapter.tmp");
        Files.writeString(
                tmp,
                "port=" + port + "\nalive=" + clock.instant().getEpochSecond() + "\npid="
                        + ProcessHandle.current().pid() + "\ncontrol_words=" + OutputControl.bridgeWords() + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Tells the bridge the adapter left, when the file is still ours. */
    public void stop() throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file).contains("port=" + port + "\n")) {
            Files.delete(file);
        }
    }
}
