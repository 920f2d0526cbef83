package dev.gainstage.adapter.ardour.testing;

import dev.gainstage.adapter.ardour.BridgeHook;
import dev.gainstage.adapter.ardour.BridgeScripts;
import dev.gainstage.adapter.ardour.LuaSignals;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An action hook as Ardour's Script Manager saves it in {@code ardourN/ui_scripts}: a {@code LuaCallback} element with
 * its signals as a bit string ({@link LuaSignals#bits}) and, base64-encoded, the Lua state Ardour restores:
 * {@code s = {n = name, s = script, f = factory chunk, a = args}}; {@code load(f)(a)} must return the callback.
 *
 * @param factory the factory chunk: Lua that returns the callback {@code function (signal, ref, ...)}
 */
public record ActionHook(String name, String signals, String script, String factory) {
    /** The gainstage bridge, subscribed to its signals as {@code numbering} numbers them. */
    public static ActionHook bridge(LuaSignals numbering) {
        return bridgeWithBits(numbering.bits(LuaSignals.BRIDGE));
    }

    /** The gainstage bridge with a given bit string (say, one an older Ardour saved). */
    public static ActionHook bridgeWithBits(String signals) {
        String script = BridgeScripts.text(BridgeScripts.BRIDGE);
        // the script, run as the factory chunk: ardour {...} is a no-op there, factory (...) returns the callback
        String chunk = "local function ardour () end\n" + script + "\nreturn factory (...)\n";
        return new ActionHook(BridgeHook.NAME, signals, script, chunk);
    }

    /** The {@code ui_scripts} file holding these hooks (ids from 990001). */
    public static String uiScripts(List<ActionHook> hooks) {
        StringBuilder callbacks = new StringBuilder();
        for (int i = 0; i < hooks.size(); i++) {
            callbacks.append("    ").append(hooks.get(i).xml(990_001 + i)).append('\n');
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <UIScripts>
                  <ActionScript lua="Lua 5.3"/>
                  <ActionHooks>
                %s  </ActionHooks>
                </UIScripts>
                """.formatted(callbacks);
    }

    /** The {@code LuaCallback} element. */
    public String xml(long id) {
        String state = "s = {} s[\"n\"] = " + luaString(name) + " s[\"s\"] = " + luaString(script) + " s[\"f\"] = "
                + luaString(factory) + " s[\"a\"] = {} ";
        return "<LuaCallback lua=\"Lua 5.3\" id=\"%d\" name=\"%s\" signals=\"%s\">%s</LuaCallback>"
                .formatted(
                        id, name, signals, Base64.getEncoder().encodeToString(state.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Lua string literal, as Lua's %q writes it. */
    public static String luaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 32) {
                        b.append(String.format("\\%03d", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
