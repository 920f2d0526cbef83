package dev.gainstage.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.rules.RuleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("rules.textproto");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void givenFieldsOverrideTheDefaultsAndTheRestStay() throws IOException {
        RuleConfig c = RulesConfigFile.load(write("source_hot_peak_dbfs: -8\nplugin_mismatch_db: 0.5\n"));
        assertEquals(-8, c.sourceHotPeakDbfs());
        assertEquals(0.5, c.pluginMismatchDb());
        assertEquals(RuleConfig.defaults().masterPeakDbfs(), c.masterPeakDbfs());
        assertEquals(RuleConfig.defaults(), RulesConfigFile.load(write("# nothing set\n")));
    }

    @Test
    void anAbsurdThresholdIsRefusedByName() throws IOException {
        IOException e =
                assertThrows(IOException.class, () -> RulesConfigFile.load(write("source_hot_peak_dbfs: 12\n")));
        assertTrue(e.getMessage().contains("source_hot_peak_dbfs = 12.0 is outside"), e.getMessage());
        IOException order =
                assertThrows(IOException.class, () -> RulesConfigFile.load(write("source_quiet_peak_dbfs: -3\n")));
        assertTrue(order.getMessage().contains("must be below source_hot_peak_dbfs"), order.getMessage());
        IOException nan = assertThrows(IOException.class, () -> RulesConfigFile.load(write("clear_margin_db: nan\n")));
        assertTrue(nan.getMessage().contains("clear_margin_db"), nan.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheLine() throws IOException {
        IOException e = assertThrows(
                IOException.class, () -> RulesConfigFile.load(write("plugin_mismatch_db: 1\nno_such_field: 3\n")));
        assertTrue(e.getMessage().contains("rules.textproto:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_field"), e.getMessage());
    }
}
