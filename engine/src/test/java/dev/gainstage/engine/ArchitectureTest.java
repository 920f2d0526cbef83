package dev.gainstage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the modules and the engine's packages, checked on the main sources' imports and fully
 * qualified names:
 * <ul>
 *   <li>the engine's domain (every package but {@code app}, {@code transport} and {@code cli}) touches neither gRPC,
 *       protobuf, the generated protocol, the client helpers, Swing/AWT, nor the engine's own outer packages;</li>
 *   <li>{@code transport} never reaches into {@code app} (the wiring root knows the transport, not the reverse) nor
 *       {@code cli};</li>
 *   <li>the file tools ({@code file-tools}) use the engine's domain and nothing of its transport, wiring or clients,
 *       nor gRPC or protobuf;</li>
 *   <li>the adapters ({@code daw-adapter}) and the panel ({@code ui-swing}) depend on {@code proto} only: nothing
 *       of the engine or the file tools.</li>
 * </ul>
 * A new engine package is domain unless it is one of the outer ones named here.
 */
class ArchitectureTest {
    private static final Path PROJECT = Path.of("..");
    private static final Path ENGINE = PROJECT.resolve("engine/src/main/java/dev/gainstage/engine");
    private static final Set<String> OUTER_PACKAGES = Set.of("app", "transport", "cli");

    private static final String WIRE =
            "io\\.grpc|com\\.google\\.protobuf|dev\\.gainstage\\.proto|dev\\.gainstage\\.client";
    private static final String UI = "javax\\.swing|java\\.awt";
    private static final String OUTER = "dev\\.gainstage\\.engine\\.(app|transport|cli)";

    private static final Pattern DOMAIN_FORBIDDEN = refs(WIRE + "|" + UI + "|" + OUTER);
    private static final Pattern TRANSPORT_FORBIDDEN = refs("dev\\.gainstage\\.engine\\.(app|cli)|" + UI);
    private static final Pattern FILE_TOOLS_FORBIDDEN = refs(WIRE + "|" + UI + "|" + OUTER);
    private static final Pattern CLIENT_SIDE_FORBIDDEN = refs("dev\\.gainstage\\.engine|dev\\.gainstage\\.files");

    private static Pattern refs(String packages) {
        return Pattern.compile("\\b(" + packages + ")\\.");
    }

    @Test
    void theDomainTouchesNoTransportNoUiAndNoOuterPackage() throws IOException {
        List<Path> domain = sources(ENGINE).stream()
                .filter(f -> {
                    Path rel = ENGINE.relativize(f);
                    return rel.getNameCount() > 1
                            && !OUTER_PACKAGES.contains(rel.getName(0).toString());
                })
                .toList();
        assertTrue(domain.size() > 50, "expected the domain sources, found " + domain.size());
        assertEquals(List.of(), violations(domain, DOMAIN_FORBIDDEN));
    }

    @Test
    void theTransportDoesNotReachIntoTheWiringOrTheClients() throws IOException {
        List<Path> transport = sources(ENGINE.resolve("transport"));
        assertTrue(transport.size() > 5, "expected the transport sources, found " + transport.size());
        assertEquals(List.of(), violations(transport, TRANSPORT_FORBIDDEN));
    }

    @Test
    void theFileToolsUseTheDomainOnly() throws IOException {
        List<Path> files = sources(PROJECT.resolve("file-tools/src/main/java"));
        assertTrue(files.size() > 10, "expected the file tools' sources, found " + files.size());
        assertEquals(List.of(), violations(files, FILE_TOOLS_FORBIDDEN));
    }

    @Test
    void theAdaptersAndThePanelDependOnTheProtocolOnly() throws IOException {
        List<Path> clientSide = new ArrayList<>(sources(PROJECT.resolve("daw-adapter/src/main/java")));
        clientSide.addAll(sources(PROJECT.resolve("ui-swing/src/main/java")));
        assertTrue(
                clientSide.size() > 50, "expected the adapters' and the panel's sources, found " + clientSide.size());
        assertEquals(List.of(), violations(clientSide, CLIENT_SIDE_FORBIDDEN));
    }

    @Test
    void theSidecarNeverRunsCallsOnGrpcsOwnThreadsOutsideTests() throws IOException {
        // directExecutor() runs handlers on the transport's threads: fine for an in-process test server, a stall
        // of the network threads in the sidecar itself
        List<String> found = violations(sources(ENGINE), Pattern.compile("\\bdirectExecutor\\("));
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternsCatchWhatTheyShould() {
        assertTrue(DOMAIN_FORBIDDEN.matcher("import io.grpc.Status;").find());
        assertTrue(DOMAIN_FORBIDDEN.matcher("var x = new javax.swing.JPanel();").find());
        assertTrue(
                DOMAIN_FORBIDDEN.matcher("import dev.gainstage.proto.v1.Strip;").find());
        assertTrue(DOMAIN_FORBIDDEN
                .matcher("import dev.gainstage.engine.transport.ViewPump;")
                .find());
        assertFalse(DOMAIN_FORBIDDEN
                .matcher("import dev.gainstage.engine.graph.Strip;")
                .find());
        assertTrue(TRANSPORT_FORBIDDEN
                .matcher("import dev.gainstage.engine.app.SidecarConfig;")
                .find());
        assertFalse(TRANSPORT_FORBIDDEN
                .matcher("import dev.gainstage.engine.transport.protos.ViewProtos;")
                .find());
        assertTrue(CLIENT_SIDE_FORBIDDEN
                .matcher("import dev.gainstage.engine.rules.RuleConfig;")
                .find());
        assertFalse(CLIENT_SIDE_FORBIDDEN
                .matcher("import dev.gainstage.proto.v1.SessionView;")
                .find());
    }

    private static List<Path> sources(Path root) throws IOException {
        assertTrue(Files.isDirectory(root), "run from the engine module: " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> violations(List<Path> files, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue; // a comment may name what the code must not use
                }
                Matcher m = forbidden.matcher(line);
                if (m.find()) {
                    found.add(PROJECT.relativize(file).normalize() + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return found;
    }
}
