package dev.gainstage.adapter.ardour.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.ArdourVersion;
import dev.gainstage.adapter.ardour.BridgeHook;
import dev.gainstage.adapter.ardour.LuaSignals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the GUI fixture writes for each Ardour version. */
class ArdourGuiConfigTest {
    @TempDir
    Path dir;

    @Test
    void eachVersionGetsItsOwnConfigFolderBackendNameAndHookNumbering() throws IOException {
        record Expected(ArdourVersion version, String backend) {}
        for (Expected e : List.of(
                new Expected(ArdourVersion.of(7, 3), "JACK"),
                new Expected(ArdourVersion.of(8, 6), "JACK"),
                new Expected(ArdourVersion.of(8, 12), "JACK/Pipewire"),
                new Expected(ArdourVersion.of(9, 8), "JACK/Pipewire"))) {
            Path xdg = dir.resolve(e.version().toString());
            int major = e.version().major();
            Path config =
                    ArdourGui.writeConfig(xdg, e.version(), List.of(ActionHook.bridge(LuaSignals.of(e.version()))));
            assertEquals(xdg.resolve("ardour" + major), config);
            assertTrue(Files.exists(config.resolve(".a" + major)), "been here before");
            assertTrue(
                    Files.readString(config.resolve("config")).contains("<State backend=\"" + e.backend() + "\""),
                    e.version().toString());
            assertTrue(Files.readString(config.resolve("instant.xml")).contains("<no-memory-warning/>"));
            BridgeHook.State hook =
                    BridgeHook.check(config.resolve("ui_scripts"), major, () -> Optional.of(e.version()));
            assertEquals(BridgeHook.Status.OK, hook.status(), hook.text());
        }
        ArdourGui.writeConfig(dir.resolve("9.8"), ArdourVersion.of(9, 8), List.of());
        assertFalse(Files.exists(dir.resolve("9.8/ardour9/ui_scripts")), "no hooks, no ui_scripts");
    }

    @Test
    void theHookCarriesTheBridgeAsItsFactory() {
        String xml = ActionHook.uiScripts(List.of(ActionHook.bridge(LuaSignals.ARDOUR_9_8)));
        Matcher m = Pattern.compile("<LuaCallback lua=\"Lua 5.3\" id=\"990001\" name=\"gainstage bridge\" signals=\"("
                        + "[01]+)\">([A-Za-z0-9+/=]+)</LuaCallback>")
                .matcher(xml);
        assertTrue(m.find(), xml);
        assertEquals(LuaSignals.ARDOUR_9_8.bits(LuaSignals.BRIDGE), m.group(1));
        String state = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
        assertTrue(state.startsWith("s = {} s[\"n\"] = \"gainstage bridge\" s[\"s\"] = \"ardour {\\n"), state);
        assertTrue(state.contains("\\nreturn factory (...)\\n\" s[\"a\"] = {} "), state);
    }

    @Test
    void aProbeAsksForEveryKnownSignalAndReadsBackWhatItWrote() throws IOException {
        Path out = dir.resolve("probe.txt");
        SignalProbe probe = SignalProbe.savedBy(LuaSignals.ARDOUR_7, out);
        assertEquals(LuaSignals.ARDOUR_7.bits(LuaSignals.BRIDGE), probe.signals());
        String chunk = probe.hook().factory();
        assertTrue(chunk.contains("\"PortConnectedOrDisconnected\"") && chunk.contains("\"SelectionChanged\""), chunk);
        assertTrue(chunk.contains("local out = \"" + out + "\""), chunk);
        Files.writeString(out, "count 52\nnumber LuaTimerDS 49\nnumber Nope nil\nfired 48\nfired 50\n");
        SignalProbe.Report r = probe.read();
        assertEquals(52, r.count());
        assertEquals(java.util.Map.of("LuaTimerDS", 49), r.numbers());
        assertEquals(java.util.Set.of(48, 50), r.fired());
    }

    @Test
    void luaStringsAreEscapedAsLuaReadsThem() {
        assertEquals("\"a\\\\b\\\"c\\nd\\009e\\r\"", ActionHook.luaString("a\\b\"c\nd\te\r"));
    }
}
