package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The LuaSignal numbering of each Ardour release, and how a release reads a hook another one saved. */
class LuaSignalsTest {
    private static final String SAVED_BY_7 = "1100000000000001100000000000000000100000000000000";

    @Test
    void theBridgesSignalsAreTheOnesItsScriptAsksFor() {
        Set<String> inScript = new TreeSet<>();
        Matcher m =
                Pattern.compile("\\[LuaSignal\\.(\\w+)\\] = true").matcher(BridgeScripts.text(BridgeScripts.BRIDGE));
        while (m.find()) {
            inScript.add(m.group(1));
        }
        assertEquals(inScript, new TreeSet<>(LuaSignals.BRIDGE));
    }

    @Test
    void eachReleaseNumbersTheBridgesSignalsAsItsSourceDoes() {
        // gtk2_ardour/luasignal_syms.h at 7.3 and 8.12, luasignal_syms.inc.h at 9.8
        Map<String, Integer> seven = Map.of(
                "TransportStateChange",
                14,
                "RoutesReconnected",
                32,
                "RouteAdded",
                33,
                "LuaTimerDS",
                47,
                "SetSession",
                48);
        Map<String, Integer> nineEight = Map.of(
                "TransportStateChange",
                16,
                "RoutesReconnected",
                34,
                "RouteAdded",
                35,
                "LuaTimerDS",
                49,
                "SetSession",
                50);
        seven.forEach((name, n) -> assertEquals(n, LuaSignals.ARDOUR_7.number(name), name));
        seven.forEach((name, n) -> assertEquals(n, LuaSignals.ARDOUR_8.number(name), name));
        nineEight.forEach((name, n) -> assertEquals(n, LuaSignals.ARDOUR_9_8.number(name), name));
        assertEquals(49, LuaSignals.ARDOUR_7.count());
        assertEquals(50, LuaSignals.ARDOUR_8.count());
        assertEquals(52, LuaSignals.ARDOUR_9_8.count());
        assertEquals(49, LuaSignals.ARDOUR_8.number("SelectionChanged"));
        assertEquals(51, LuaSignals.ARDOUR_9_8.number("SelectionChanged"));
        assertEquals(7, LuaSignals.ARDOUR_9_8.number("PortRegisteredOrUnregistered"));
        assertEquals(8, LuaSignals.ARDOUR_9_8.number("PortConnectedOrDisconnected"));
        assertEquals(9, LuaSignals.ARDOUR_9_8.number("FeedbackDetected"));
        assertEquals(0, LuaSignals.ARDOUR_9_8.number("ConfigChanged"));
        assertThrows(IllegalArgumentException.class, () -> LuaSignals.ARDOUR_7.number("SelectionChanged"));
    }

    @Test
    void theBitStringIsWhatArdourSavesLastCharacterBitZero() {
        assertEquals(SAVED_BY_7, LuaSignals.ARDOUR_7.bits(LuaSignals.BRIDGE), "as Ardour 7.3 saved it");
        assertEquals("0" + SAVED_BY_7, LuaSignals.ARDOUR_8.bits(LuaSignals.BRIDGE));
        assertEquals(
                "0110000000000000110000000000000000010000000000000000", LuaSignals.ARDOUR_9_8.bits(LuaSignals.BRIDGE));
        assertEquals("1", LuaSignals.ARDOUR_7.bits(Set.of("ConfigChanged")).substring(48));
    }

    @Test
    void aReleaseIsNumberedByWhatItSaysItsVersionIs() {
        assertEquals(LuaSignals.ARDOUR_7, LuaSignals.of(ArdourVersion.of(7, 3)));
        assertEquals(LuaSignals.ARDOUR_8, LuaSignals.of(ArdourVersion.of(8, 12)));
        assertEquals(LuaSignals.ARDOUR_8, LuaSignals.of(ArdourVersion.of(9, 7)));
        assertEquals(LuaSignals.ARDOUR_9_8, LuaSignals.of(ArdourVersion.of(9, 8)));
        assertEquals(LuaSignals.ARDOUR_9_8, LuaSignals.of(ArdourVersion.of(10, 0)), "newer: the newest known");
        assertThrows(IllegalArgumentException.class, () -> LuaSignals.of(ArdourVersion.of(6, 9)));
        assertEquals(java.util.List.of(LuaSignals.ARDOUR_8, LuaSignals.ARDOUR_9_8), LuaSignals.ofMajor(9));
        assertEquals(java.util.List.of(LuaSignals.ARDOUR_8), LuaSignals.ofMajor(8));
    }

    @Test
    void aHookSavedByAnotherReleaseIsReadAsStdBitsetReadsItsString() {
        Optional<Set<String>> bridge = Optional.of(LuaSignals.BRIDGE);
        // 7 -> 8: SelectionChanged was appended, the shorter string keeps its bit positions
        assertEquals(bridge, LuaSignals.ARDOUR_8.read(SAVED_BY_7));
        // 7 or 8 -> 9.8: the two port signals moved everything up by two
        Optional<Set<String>> wrong =
                Optional.of(Set.of("Change", "PositionChanged", "Located", "RegionsPropertyChanged", "LuaTimerS"));
        assertEquals(wrong, LuaSignals.ARDOUR_9_8.read(SAVED_BY_7));
        assertEquals(wrong, LuaSignals.ARDOUR_9_8.read(LuaSignals.ARDOUR_8.bits(LuaSignals.BRIDGE)));
        // 9.8 -> 8 (a downgrade): only the first 50 characters count, which shifts the bits down by two
        assertEquals(bridge, LuaSignals.ARDOUR_8.read(LuaSignals.ARDOUR_9_8.bits(LuaSignals.BRIDGE)));
        // 8 -> 7: shifted down by one
        assertEquals(
                Optional.of(Set.of("SessionConfigChanged", "Located", "RoutesReconnected", "LuaTimerS", "LuaTimerDS")),
                LuaSignals.ARDOUR_7.read(LuaSignals.ARDOUR_8.bits(LuaSignals.BRIDGE)));
        assertEquals(Optional.of(Set.of()), LuaSignals.ARDOUR_9_8.read(""));
        assertEquals(Optional.empty(), LuaSignals.ARDOUR_9_8.read("10x1"), "std::bitset refuses it");
    }

    @Test
    void theReleaseThatSavedAHookIsKnownByItsBitString() {
        assertEquals(Optional.of(LuaSignals.ARDOUR_7), LuaSignals.savedBy(SAVED_BY_7, LuaSignals.BRIDGE));
        assertEquals(Optional.of(LuaSignals.ARDOUR_8), LuaSignals.savedBy("0" + SAVED_BY_7, LuaSignals.BRIDGE));
        assertEquals(
                Optional.of(LuaSignals.ARDOUR_9_8),
                LuaSignals.savedBy(LuaSignals.ARDOUR_9_8.bits(LuaSignals.BRIDGE), LuaSignals.BRIDGE));
        assertEquals(Optional.empty(), LuaSignals.savedBy("1", LuaSignals.BRIDGE));
        assertEquals(
                Optional.of(LuaSignals.ARDOUR_8),
                LuaSignals.savedBy(LuaSignals.ARDOUR_8.bits(Set.of("SelectionChanged")), Set.of("SelectionChanged")));
    }

    @Test
    void versionsAreReadFromWhatArdourPrints() {
        assertEquals(
                Optional.of(new ArdourVersion(9, 8, "9.8.0~ds")),
                ArdourVersion.parse("Ardour9.8.0~ds (built using 9.8.0~ds-1 and GCC version 16.2.0)"));
        assertEquals(Optional.of(new ArdourVersion(7, 3, "7.3.0~ds0")), ArdourVersion.parse("""
                WARNING: Your system has a limit for maximum amount of locked memory!
                         This might cause Ardour to run out of memory before your system runs
                Ardour7.3.0~ds0 (built using 7.3.0~ds0-1 and GCC version 12.2.0)
                """));
        assertEquals(
                Optional.of(new ArdourVersion(8, 12, "8.12.0~ds")),
                ArdourVersion.parse("ardour-lua version 8.12.0~ds\n"));
        assertEquals(Optional.empty(), ArdourVersion.parse("command not found"));
        assertEquals(true, ArdourVersion.of(8, 7).atLeast(8, 7));
        assertEquals(false, ArdourVersion.of(8, 6).atLeast(8, 7));
        assertEquals(true, ArdourVersion.of(9, 0).atLeast(8, 7));
    }
}
