package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The real-Ardour tests' working folders: removed afterwards unless GAINSTAGE_KEEP_ARDOUR_TEST is set. */
public final class TestDirs {
    private TestDirs() {}

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Removes the folder, or says where it was kept when GAINSTAGE_KEEP_ARDOUR_TEST is set. */
    public static void removeUnlessKept(Path dir) throws IOException {
        if (System.getenv("GAINSTAGE_KEEP_ARDOUR_TEST") == null) {
            deleteTree(dir);
        } else {
            System.out.println("Ardour test files kept in " + dir);
        }
    }
}
