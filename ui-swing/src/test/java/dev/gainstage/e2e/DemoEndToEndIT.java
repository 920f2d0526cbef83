package dev.gainstage.e2e;

import com.google.protobuf.util.JsonFormat;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole demo, headless, as the README runs it: {@code scripts/gainstage demo --headless} starts
 * the sidecar and the sim adapter as separate processes over loopback gRPC, and the JSON view must
 * hold each rule's warning on the stage the demo session mis-stages.
 */
class DemoEndToEndIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theHeadlessDemoRaisesEachRuleOnTheMisStagedStage(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("view.json");
        Path log = tmp.resolve("demo.log");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/gainstage").toString(), "demo",
                "--headless", "--seconds", "20", "--json", json.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GAINSTAGE_NO_BUILD", "1"); // the build running this test has just built it
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "demo did not finish in 120 s:\n" + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("Warnings ("), "prints a readable summary:\n" + output);

        SessionView.Builder view = SessionView.newBuilder();
        JsonFormat.parser().merge(Files.readString(json, StandardCharsets.UTF_8), view);
        List<Warning> warnings = view.getWarningsList();
        assertTrue(view.getAudioTimeSeconds() > 15, "the demo played ~20 s: " + view.getAudioTimeSeconds());
        for (Expected e : EXPECTED) {
            assertTrue(warnings.stream().anyMatch(w -> w.getRule() == e.rule() && w.getStageId().equals(e.stageId())),
                    e + " missing; warnings: " + warnings.stream().map(Warning::getId).toList() + "\n" + output);
        }
        for (Warning w : warnings) {
            assertTrue(!w.getStripName().isBlank() && !w.getStageName().isBlank() && !w.getSuggestion().isBlank(),
                    "warnings name their strip and stage in words and suggest a fix: " + w);
        }
    }

    record Expected(Rule rule, String stageId) {
    }

    /** The demo session's deliberate mistakes (daw-adapter's demo-session.textproto says which stage does what). */
    static final List<Expected> EXPECTED = List.of(
            new Expected(Rule.SOURCE_TOO_HOT, "kick/source"),
            new Expected(Rule.SOURCE_TOO_QUIET, "bvox/source"),
            new Expected(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp"),
            new Expected(Rule.PLUGIN_OUTPUT_HOT, "bass/sat"),
            new Expected(Rule.BUS_OVERLOAD, "drums/output"),
            new Expected(Rule.MASTER_OVER_0DBFS, "master/output"));
}
