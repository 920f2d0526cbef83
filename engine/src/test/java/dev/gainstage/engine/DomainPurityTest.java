package dev.gainstage.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's domain packages never touch gRPC, protobuf, the generated protocol or Swing/AWT:
 * only the adapter packages listed here do. A new package is domain unless added to this list.
 */
class DomainPurityTest {
    private static final Path ROOT = Path.of("src/main/java/dev/gainstage/engine");
    private static final Set<String> ADAPTER_PACKAGES = Set.of("grpc", "report", "config");
    private static final Pattern FORBIDDEN =
            Pattern.compile("\\b(io\\.grpc|com\\.google\\.protobuf|dev\\.gainstage\\.proto|dev\\.gainstage\\.client|javax\\.swing|java\\.awt)\\.");

    @Test
    void domainPackagesImportNeitherGrpcNorSwing() throws IOException {
        assertTrue(Files.isDirectory(ROOT), "run from the engine module: " + ROOT.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = ROOT.relativize(file);
                if (rel.getNameCount() == 1 || ADAPTER_PACKAGES.contains(rel.getName(0).toString())) {
                    continue; // Main and the adapter packages wire the domain to gRPC
                }
                checked++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = FORBIDDEN.matcher(lines.get(i));
                    if (m.find()) {
                        violations.add(rel + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(checked > 10, "expected the domain sources, found " + checked);
        assertEquals(List.of(), violations);
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertTrue(FORBIDDEN.matcher("import io.grpc.Status;").find());
        assertTrue(FORBIDDEN.matcher("var x = new javax.swing.JPanel();").find());
        assertTrue(FORBIDDEN.matcher("import dev.gainstage.proto.v1.Strip;").find());
        assertTrue(!FORBIDDEN.matcher("import dev.gainstage.engine.graph.Strip;").find());
    }
}
