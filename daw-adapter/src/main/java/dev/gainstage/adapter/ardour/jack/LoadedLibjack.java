package dev.gainstage.adapter.ardour.jack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which libjack this process has mapped: JACK2's, or PipeWire's (it lives in PipeWire's own folder,
 * {@code pipewire-0.3/jack}, and {@code pw-jack} puts it first on the library path). The two differ in
 * what a client may do, e.g. PipeWire caps the ports of one client.
 */
public final class LoadedLibjack {
    private LoadedLibjack() {}

    /** The mapped libjack's path, once JNA has loaded it; empty before, or where /proc cannot tell. */
    public static Optional<String> path() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.contains("libjack.so") && l.indexOf('/') >= 0)
                    .map(l -> l.substring(l.indexOf('/')))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isPipeWire(String path) {
        return path.contains("pipewire");
    }
}
