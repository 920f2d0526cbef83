package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleLayersTest {
    private static final RuleOverrides FILE = new RuleOverrides(Map.of("plugin_mismatch_db", 2.0, "fader_max_db", 9.0));

    @Test
    void aSessionOverrideWinsOverTheFileWhichWinsOverTheDefault() {
        RuleConfig c = new RuleLayers(FILE, new RuleOverrides(Map.of("fader_max_db", 3.0))).effective();
        assertEquals(3.0, c.faderMaxDb());
        assertEquals(2.0, c.pluginMismatchDb());
        assertEquals(RuleConfig.defaults().masterPeakDbfs(), c.masterPeakDbfs());
        assertEquals(RuleConfig.defaults(), new RuleLayers(RuleOverrides.NONE, RuleOverrides.NONE).effective());
    }

    @Test
    void theLayersAreJudgedTogether() {
        // -10 alone breaks target (-9) <= hot; with the target lowered in the same layer it is fine.
        RuleOverrides hot = new RuleOverrides(Map.of("source_hot_peak_dbfs", -10.0));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RuleLayers(FILE, hot).effective());
        assertTrue(e.getMessage().startsWith("source_target_peak_dbfs (-9.0) must lie between"), e.getMessage());
        RuleOverrides both = hot.merge(new RuleOverrides(Map.of("source_target_peak_dbfs", -12.0)));
        assertEquals(-10.0, new RuleLayers(FILE, both).effective().sourceHotPeakDbfs());
    }

    @Test
    void overridesMergeClearAndRefuseUnknownNames() {
        RuleOverrides o =
                FILE.merge(new RuleOverrides(Map.of("fader_max_db", 3.0))).without(List.of("plugin_mismatch_db"));
        assertEquals(Map.of("fader_max_db", 3.0), o.values());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RuleOverrides(Map.of("fader_max", 3.0)));
        assertTrue(
                e.getMessage().startsWith("unknown threshold 'fader_max'; known: source_hot_peak_dbfs, "),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.without(List.of("nope")));
    }

    @Test
    void thresholdsByNameRoundTripAndDifferencesAreFound() {
        RuleConfig d = RuleConfig.defaults();
        assertEquals(20, RuleConfig.names().size());
        assertEquals(-6.0, d.byName().get("source_hot_peak_dbfs"));
        assertEquals(d, d.with(d.byName()));
        RuleConfig changed = d.with(Map.of("clear_margin_db", 2.0));
        assertEquals(2.0, changed.clearMarginDb());
        assertEquals(new RuleOverrides(Map.of("clear_margin_db", 2.0)), RuleOverrides.difference(d, changed));
        IllegalArgumentException nan =
                assertThrows(IllegalArgumentException.class, () -> d.with(Map.of("plugin_mismatch_db", Double.NaN)));
        assertEquals("plugin_mismatch_db = NaN is outside 0.1..24.0", nan.getMessage());
    }
}
