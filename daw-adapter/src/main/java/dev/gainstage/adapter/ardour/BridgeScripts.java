package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The Lua scripts the adapter ships (resources next to this class) and where they go. */
public final class BridgeScripts {
    public static final String BRIDGE = "gainstage-bridge.lua";
    public static final String HOST = "ardour-host.lua";
    public static final String DEMO_SESSION = "make-demo-session.lua";

    private BridgeScripts() {}

    public static String text(String name) {
        try (InputStream in = BridgeScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the adapter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a script into a folder (atomically, only when its content changed) and returns its path. */
    public static Path writeTo(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        String text = text(name);
        if (Files.isRegularFile(target) && Files.readString(target).equals(text)) {
            return target;
        }
        Path tmp = Files.createTempFile(folder, name, ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * Where the adapter and the bridge meet: $GAINSTAGE_ARDOUR_DIR, else ~/.cache/gainstage/ardour (the bridge
     * computes the same path from the environment of the Ardour process).
     */
    public static Path defaultControlDir() {
        String dir = System.getenv("GAINSTAGE_ARDOUR_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gainstage", "ardour");
    }
}
