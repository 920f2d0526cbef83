package dev.gainstage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo, headless, as the README runs it: {@code scripts/gainstage demo --headless} starts
 * the sidecar and the sim adapter as separate processes over loopback gRPC, and the JSON view must
 * hold each rule's warning on the stage the demo session mis-stages.
 */
class DemoEndToEndIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Runs the demo with the given arguments and returns its JSON view; {@code output[0]} receives what it printed. */
    static SessionView demo(Path tmp, String[] output, String... args) throws Exception {
        Path json = tmp.resolve("view.json");
        Path log = tmp.resolve("demo.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                "bash", ROOT.resolve("scripts/gainstage").toString(), "demo", "--headless", "--json", json.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("GAINSTAGE_NO_BUILD", "1"); // the build running this test has just built it
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        output[0] = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "demo did not finish in 180 s:\n" + output[0]);
        assertEquals(0, p.exitValue(), output[0]);
        assertTrue(output[0].contains("Warnings ("), "prints a readable summary:\n" + output[0]);
        SessionView.Builder view = SessionView.newBuilder();
        JsonFormat.parser().merge(Files.readString(json, StandardCharsets.UTF_8), view);
        return view.build();
    }

    @Test
    void theHeadlessDemoRaisesEachRuleOnTheMisStagedStage(@TempDir Path tmp) throws Exception {
        String[] out = new String[1];
        SessionView view = demo(tmp, out, "--seconds", "20");
        String output = out[0];
        List<Warning> warnings = view.getWarningsList();
        assertTrue(view.getAudioTimeSeconds() > 15, "the demo played ~20 s: " + view.getAudioTimeSeconds());
        for (Expected e : EXPECTED) {
            assertTrue(
                    warnings.stream()
                            .anyMatch(w ->
                                    w.getRule() == e.rule() && w.getStageId().equals(e.stageId())),
                    e + " missing; warnings: "
                            + warnings.stream().map(Warning::getId).toList() + "\n" + output);
        }
        for (Warning w : warnings) {
            assertTrue(
                    !w.getStripName().isBlank()
                            && !w.getStageName().isBlank()
                            && !w.getSuggestion().isBlank(),
                    "warnings name their strip and stage in words and suggest a fix: " + w);
        }
    }

    @Test
    void applyingTheFixesClearsEveryWarningAndPassesTheChecklist(@TempDir Path tmp) throws Exception {
        String[] out = new String[1];
        SessionView view = demo(tmp, out, "--apply-fixes", "--seconds", "45");
        assertTrue(out[0].contains("round 1: applied SOURCE_TOO_HOT@kick/source"), out[0]);
        assertEquals(
                List.of(), view.getWarningsList().stream().map(Warning::getId).toList(), out[0]);
        for (ChecklistStep step : view.getChecklist().getStepsList()) {
            for (ChecklistItem item : step.getItemsList()) {
                assertEquals(ItemState.ITEM_STATE_PASSING, item.getState(), "step " + step.getNumber() + ": " + item);
            }
        }
        assertEquals(3, view.getChecklist().getStepsCount());
        assertEquals(view.getChecklist().getTotal(), view.getChecklist().getDone());
        assertTrue(view.getChecklist().getTotal() >= 15, "one item per source, plugin, bus and master");
    }

    record Expected(Rule rule, String stageId) {}

    /** The demo session's deliberate mistakes (daw-adapter's demo-session.textproto says which stage does what). */
    static final List<Expected> EXPECTED = List.of(
            new Expected(Rule.SOURCE_TOO_HOT, "kick/source"),
            new Expected(Rule.SOURCE_TOO_QUIET, "bvox/source"),
            new Expected(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp"),
            new Expected(Rule.PLUGIN_OUTPUT_HOT, "bass/sat"),
            new Expected(Rule.BUS_OVERLOAD, "drums/output"),
            new Expected(Rule.MASTER_OVER_0DBFS, "master/output"));
}
