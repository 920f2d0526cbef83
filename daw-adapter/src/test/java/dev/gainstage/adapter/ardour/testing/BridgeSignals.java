package dev.gainstage.adapter.ardour.testing;

import java.util.Map;

/**
 * The signals the gainstage bridge subscribes to as an action hook ({@code signals ()} in gainstage-bridge.lua), as
 * the bit string Ardour 7.3 saves for a hook: bit i stands for the i-th entry of gtk2_ardour/luasignal_syms.h
 * (SessionLoad and SessionClose there are compiled out), the last character for bit 0.
 */
final class BridgeSignals {
    /** Ardour 7.3's LuaSignal numbers of the bridge's signals. */
    static final Map<String, Integer> ARDOUR_7_3 = Map.of(
            "TransportStateChange", 14,
            "RoutesReconnected", 32,
            "RouteAdded", 33,
            "LuaTimerDS", 47,
            "SetSession", 48);
    /** LuaSignal::LAST_SIGNAL in Ardour 7.3. */
    static final int SIGNALS = 49;

    private BridgeSignals() {
    }

    static String bits() {
        char[] bits = "0".repeat(SIGNALS).toCharArray();
        ARDOUR_7_3.values().forEach(i -> bits[SIGNALS - 1 - i] = '1');
        return new String(bits);
    }
}
