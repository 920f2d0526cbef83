package dev.gainstage.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.DecisionRecord;
import dev.gainstage.engine.session.Decisions;
import dev.gainstage.engine.session.GainChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionStoreTest {
    @TempDir
    Path dir;

    private DecisionStore store() {
        return new DecisionStore(dir, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    static Decisions sample() {
        return new Decisions(
                Map.of("SOURCE_TOO_HOT@kick/source", "I like it hot"),
                Map.of("plugin:vox/comp", "checked by ear = fine"),
                Set.of("bass/sat", "drums"),
                new RuleOverrides(Map.of("source_hot_peak_dbfs", -10.0, "plugin_mismatch_db", 0.25)),
                List.of(
                        new DecisionRecord(
                                3,
                                DecisionRecord.Kind.ACKNOWLEDGE,
                                "SOURCE_TOO_HOT@kick/source",
                                "Acknowledged \"source too hot\" on Kick ▸ Source: I like it hot",
                                12.5,
                                false,
                                false,
                                List.of()),
                        new DecisionRecord(
                                4,
                                DecisionRecord.Kind.INTENTIONAL,
                                "drums",
                                "Marked strip Drums",
                                13,
                                false,
                                true,
                                List.of()),
                        new DecisionRecord(
                                11,
                                DecisionRecord.Kind.FIX,
                                "PLUGIN_OUTPUT_HOT@vox/comp",
                                "Applied the fix",
                                20.25,
                                false,
                                false,
                                List.of(
                                        new GainChange("vox/trim", "Vox ▸ Trim", 1.5, -4.25, -5.75),
                                        new GainChange("vox/comp", "Vox ▸ Comp", Double.NaN, Double.NaN, -2.0)))),
                DeliveryTarget.NONE);
    }

    @Test
    void theUndoHistoryComesBackInOrderWithTheGainsBeforeTheFix() throws IOException {
        store().save("s", sample());
        Decisions loaded = store().load("s").decisions();
        assertEquals(sample().history(), loaded.history());
        assertEquals(12, loaded.nextNumber());
        assertEquals(
                1.5, loaded.find("11", null).orElseThrow().gains().getFirst().beforeDb());
        assertEquals(
                "11", loaded.find("", DecisionRecord.Kind.FIX).orElseThrow().id());
        assertEquals(
                "3",
                loaded.find("", DecisionRecord.Kind.ACKNOWLEDGE).orElseThrow().id());
        assertTrue(loaded.find("5", null).isEmpty());
    }

    @Test
    void savedDecisionsComeBack() throws IOException {
        store().save("/home/me/Songs/My Song/My Song.ardour", sample());
        DecisionPersistence.Loaded loaded = store().load("/home/me/Songs/My Song/My Song.ardour");
        assertEquals(sample(), loaded.decisions());
        assertEquals("", loaded.problem());
        assertEquals(Decisions.NONE, store().load("another session").decisions());
    }

    @Test
    void theDeliveryTargetIsSavedWithTheDecisions() throws IOException {
        for (DeliveryTarget t : DeliveryTarget.values()) {
            Decisions d = sample().withDeliveryTarget(t);
            store().save("song", d);
            assertEquals(t, store().load("song").decisions().deliveryTarget());
            assertEquals(d, store().load("song").decisions());
        }
    }

    @Test
    void noKeyCanWriteOutsideTheFolder() throws IOException {
        for (String key :
                List.of("../../etc/passwd", "/etc/shadow", "..", ".", "a/../../b", "\u0000nul", "x".repeat(500))) {
            Path file = store().fileFor(key);
            assertEquals(dir.toAbsolutePath().normalize(), file.getParent(), key);
            assertTrue(!file.getFileName().toString().startsWith("."), file.toString());
            store().save(key, sample());
            assertEquals(sample(), store().load(key).decisions());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(7, files.count());
        }
    }

    @Test
    void aCorruptFileIsSetAsideAndReportedNotSilentlyReset() throws IOException {
        store().save("song", sample());
        Path file = store().fileFor("song");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.substring(0, text.length() / 2), StandardCharsets.UTF_8); // truncated
        DecisionPersistence.Loaded loaded = store().load("song");
        assertEquals(Decisions.NONE, loaded.decisions());
        assertTrue(loaded.problem().contains("unreadable"), loaded.problem());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-20261124T100000Z");
        assertTrue(Files.exists(aside), "kept for the user: " + loaded.problem());
        assertTrue(loaded.problem().contains(aside.toString()));
        assertTrue(!Files.exists(file));
    }

    @Test
    void anEditedFileFailsItsChecksum() throws IOException {
        store().save("song", sample());
        Path file = store().fileFor("song");
        Files.writeString(file, Files.readString(file).replace("I like it hot", "edited"));
        assertTrue(store().load("song").problem().contains("checksum"));
    }

    @Test
    void anEditedRuleOverrideFailsItsChecksum() throws IOException {
        store().save("song", sample());
        Path file = store().fileFor("song");
        String text = Files.readString(file);
        assertTrue(text.contains("rule.source_hot_peak_dbfs=-10.0"), text);
        Files.writeString(file, text.replace("rule.source_hot_peak_dbfs=-10.0", "rule.source_hot_peak_dbfs=-1.0"));
        DecisionPersistence.Loaded loaded = store().load("song");
        assertTrue(loaded.problem().contains("checksum"), loaded.problem());
        assertEquals(Decisions.NONE, loaded.decisions());
    }

    @Test
    void aFileFromBeforeRuleOverridesLoadsWithout() throws DecisionStore.CorruptFileException {
        Decisions old = new Decisions(Map.of(), Map.of("source:vox/source", "ok"), Set.of());
        assertEquals(old, DecisionStore.parse(DecisionStore.format("song", old), "song"));
        assertEquals(
                RuleOverrides.NONE,
                DecisionStore.parse(DecisionStore.format("song", old), "song").ruleOverrides());
    }

    @Test
    void aSaveLeavesNoTemporaryFileBehind() throws IOException {
        store().save("song", sample());
        store().save("song", Decisions.NONE);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(store().fileFor("song")), files.toList());
        }
        assertEquals(Decisions.NONE, store().load("song").decisions());
    }
}
