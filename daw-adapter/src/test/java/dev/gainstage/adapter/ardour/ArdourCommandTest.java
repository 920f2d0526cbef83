package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.ActionHook;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code gainstage ardour} does before it connects: the bridge into each Ardour's scripts, stale hooks named. */
class ArdourCommandTest {
    @TempDir
    Path dir;

    @Test
    void theBridgeGoesIntoTheScriptFolderOfEveryArdourPresentAndAStaleHookIsWarnedOf() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path lua9 = bin.resolve("ardour9-lua");
        Files.writeString(lua9, "#!/bin/sh\necho 'ardour-lua version 9.8.0~ds'\n");
        assertTrue(lua9.toFile().setExecutable(true));
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("ardour7")); // run here before, no longer on the PATH
        Files.createDirectories(config.resolve("ardour9"));
        Files.writeString(
                config.resolve("ardour9/ui_scripts"),
                ActionHook.uiScripts(List.of(ActionHook.bridge(LuaSignals.ARDOUR_8))));
        Map<String, String> env = Map.of("PATH", bin.toString(), "XDG_CONFIG_HOME", config.toString());

        List<ArdourInstalls.Install> present = ArdourInstalls.present(env);
        assertEquals(
                List.of(9, 7),
                present.stream().map(ArdourInstalls.Install::major).toList());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
        ArdourCommand.installBridge(present, env, errs);
        ArdourCommand.warnOfStaleHooks(present, errs);

        for (int major : List.of(9, 7)) {
            assertEquals(
                    BridgeScripts.text(BridgeScripts.BRIDGE),
                    Files.readString(config.resolve("ardour" + major + "/scripts/gainstage-bridge.lua")));
        }
        assertFalse(Files.exists(config.resolve("ardour8")), "no Ardour 8 here: nothing made for it");
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(
                "gainstage ardour: bridge script for Ardour 9 at "
                        + config.resolve("ardour9/scripts/gainstage-bridge.lua")
                        + " (in its GUI: Edit > Lua Scripts > Script Manager > Action Hooks > New Hook > gainstage bridge > Add)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("gainstage ardour: bridge script for Ardour 7 at "), lines.get(1));
        assertTrue(
                lines.get(2)
                        .startsWith("gainstage ardour: warning: " + BridgeHook.reAddFix(9) + ". Ardour 9's gainstage "
                                + "bridge hook"),
                lines.get(2));
        assertTrue(lines.get(2).endsWith("from Ardour 9.8.0~ds"), lines.get(2));
    }

    @Test
    void withNoArdourAnywhereItSaysWhatToDo() throws Exception {
        Map<String, String> env = Map.of("PATH", dir.resolve("empty").toString(), "XDG_CONFIG_HOME", dir.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ArdourCommand.installBridge(
                ArdourInstalls.present(env), env, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(
                "gainstage ardour: no Ardour found (no ardour9, ardour8 or ardour7 on the PATH, no "
                        + dir.resolve("ardourN")
                        + "): start Ardour once, then run gainstage ardour again to put the bridge into its script folder\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
