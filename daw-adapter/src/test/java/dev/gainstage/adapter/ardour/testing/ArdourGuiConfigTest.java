package dev.gainstage.adapter.ardour.testing;

import dev.gainstage.adapter.ardour.BridgeScripts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArdourGuiConfigTest {
    @Test
    void theHooksSignalsAreTheBridgesSignals() {
        Set<String> inScript = new TreeSet<>();
        Matcher m = Pattern.compile("\\[LuaSignal\\.(\\w+)\\] = true").matcher(BridgeScripts.text(BridgeScripts.BRIDGE));
        while (m.find()) {
            inScript.add(m.group(1));
        }
        assertEquals(inScript, new TreeSet<>(BridgeSignals.ARDOUR_7_3.keySet()));
        // as Ardour 7.3 wrote them for these signals (bit 0 last)
        assertEquals("1100000000000001100000000000000000100000000000000", BridgeSignals.bits());
    }

    @Test
    void theHookCarriesTheBridgeAsItsFactory() {
        String xml = ArdourGui.bridgeHookXml();
        Matcher m = Pattern.compile("<LuaCallback [^>]*name=\"gainstage bridge\"[^>]*>([A-Za-z0-9+/=]+)</LuaCallback>")
                .matcher(xml);
        assertTrue(m.find(), xml);
        String state = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        assertTrue(state.startsWith("s = {} s[\"n\"] = \"gainstage bridge\" s[\"s\"] = \"ardour {\\n"), state);
        assertTrue(state.contains("\\nreturn factory (...)\\n\" s[\"a\"] = {} "), state);
    }

    @Test
    void luaStringsAreEscapedAsLuaReadsThem() {
        assertEquals("\"a\\\\b\\\"c\\nd\\009e\\r\"", ArdourGui.luaString("a\\b\"c\nd\te\r"));
    }
}
