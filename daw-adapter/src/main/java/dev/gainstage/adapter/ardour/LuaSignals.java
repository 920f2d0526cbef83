package dev.gainstage.adapter.ardour;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How Ardour's releases number their LuaSignals (the entries of gtk2_ardour/luasignal_syms.h, .inc.h from 9.8; the
 * {@code #if 0} ones left out), which decides what an action hook saved in {@code ardourN/ui_scripts} subscribes
 * to. Ardour saves a hook's signals as {@code std::bitset<LAST_SIGNAL>::to_string()} (bit i = LuaSignal i, the last
 * character is bit 0) and reads them back with the bitset's string constructor, so a hook saved by a release that
 * numbers them differently subscribes to other signals. Checked against each release's source at its tag and
 * live (the GUI tests' probe hook reads every number from Ardour's own Lua).
 */
public enum LuaSignals {
    /** Ardour 7.0 to 7.5: 49 signals. */
    ARDOUR_7(
            "Ardour 7.0 to 7.5",
            List.of(7),
            List.of(
                    "ConfigChanged",
                    "EngineRunning",
                    "EngineStopped",
                    "EngineHalted",
                    "EngineDeviceListChanged",
                    "BufferSizeChanged",
                    "SampleRateChanged",
                    "FeedbackDetected",
                    "SuccessfulGraphSort",
                    "StartTimeChanged",
                    "EndTimeChanged",
                    "Exported",
                    "Change",
                    "SessionConfigChanged",
                    "TransportStateChange",
                    "DirtyChanged",
                    "StateSaved",
                    "Xrun",
                    "TransportLooped",
                    "SoloActive",
                    "SoloChanged",
                    "IsolatedChanged",
                    "MonitorChanged",
                    "RecordStateChanged",
                    "RecordArmStateChanged",
                    "AudioLoopLocationChanged",
                    "AudioPunchLocationChanged",
                    "LocationsModified",
                    "AuditionActive",
                    "BundleAddedOrRemoved",
                    "PositionChanged",
                    "Located",
                    "RoutesReconnected",
                    "RouteAdded",
                    "RouteGroupPropertyChanged",
                    "RouteAddedToRouteGroup",
                    "RouteRemovedFromRouteGroup",
                    "StepEditStatusChange",
                    "RouteGroupAdded",
                    "RouteGroupRemoved",
                    "RouteGroupsReordered",
                    "PluginListChanged",
                    "PluginStatusChanged",
                    "DiskOverrun",
                    "DiskUnderrun",
                    "RegionsPropertyChanged",
                    "LuaTimerS",
                    "LuaTimerDS",
                    "SetSession")),
    /** Ardour 8.0 to 9.7: 50 signals, 7's with SelectionChanged appended (so a 7 hook reads the same). */
    ARDOUR_8("Ardour 8.0 to 9.7", List.of(8, 9), concat(ARDOUR_7.names, List.of("SelectionChanged"))),
    /**
     * Ardour 9.8: 52 signals, PortRegisteredOrUnregistered and PortConnectedOrDisconnected inserted after
     * SampleRateChanged, which moves every later signal up by two.
     */
    ARDOUR_9_8(
            "Ardour 9.8",
            List.of(9),
            insertAfter(
                    ARDOUR_8.names,
                    "SampleRateChanged",
                    List.of("PortRegisteredOrUnregistered", "PortConnectedOrDisconnected")));

    /** The signals the gainstage bridge subscribes to ({@code signals ()} in gainstage-bridge.lua). */
    public static final Set<String> BRIDGE =
            Set.of("TransportStateChange", "RoutesReconnected", "RouteAdded", "LuaTimerDS", "SetSession");

    private final String releases;
    private final List<Integer> majors;
    private final List<String> names;

    LuaSignals(String releases, List<Integer> majors, List<String> names) {
        this.releases = releases;
        this.majors = majors;
        this.names = names;
    }

    /**
     * The numbering of an Ardour release. Releases newer than 9.8 get 9.8's, the newest known (the GUI tests'
     * probe hook would show a change).
     *
     * @throws IllegalArgumentException for Ardour 6 and older, which gainstage does not support
     */
    public static LuaSignals of(ArdourVersion version) {
        if (version.major() < 7) {
            throw new IllegalArgumentException(
                    "Ardour " + version + " is older than any Ardour gainstage supports (7.0)");
        }
        if (version.major() == 7) {
            return ARDOUR_7;
        }
        return version.atLeast(9, 8) ? ARDOUR_9_8 : ARDOUR_8;
    }

    /** The numberings Ardour {@code major}'s releases use, oldest first (9: 9.0 to 9.7's, then 9.8's). */
    public static List<LuaSignals> ofMajor(int major) {
        return Stream.of(values()).filter(n -> n.majors.contains(major)).toList();
    }

    /** The releases that number the signals this way, "Ardour 8.0 to 9.7". */
    public String releases() {
        return releases;
    }

    /** LuaSignal::LAST_SIGNAL: how many there are, the length of a saved bit string. */
    public int count() {
        return names.size();
    }

    /** The signals' names in LuaSignal order. */
    public List<String> names() {
        return names;
    }

    /** A signal's LuaSignal number. */
    public int number(String signal) {
        int i = names.indexOf(signal);
        if (i < 0) {
            throw new IllegalArgumentException(releases + " has no LuaSignal " + signal);
        }
        return i;
    }

    /** The bit string Ardour saves for a hook subscribed to {@code signals}. */
    public String bits(Collection<String> signals) {
        char[] bits = "0".repeat(count()).toCharArray();
        for (String s : signals) {
            bits[count() - 1 - number(s)] = '1';
        }
        return new String(bits);
    }

    /**
     * The signals a hook whose saved bit string is {@code stored} subscribes to in a release numbered this way, as
     * {@code std::bitset<count()>(stored)} reads it: of a longer string only the first count() characters count, a
     * shorter one fills the high bits with zeros; character M-1 (M the length used) is bit 0. Empty when the string
     * holds anything but 0 and 1 (the bitset refuses it and Ardour drops the hook).
     */
    public Optional<Set<String>> read(String stored) {
        if (!stored.chars().allMatch(c -> c == '0' || c == '1')) {
            return Optional.empty();
        }
        int m = Math.min(count(), stored.length());
        Set<String> on = new TreeSet<>();
        for (int bit = 0; bit < m; bit++) {
            if (stored.charAt(m - 1 - bit) == '1') {
                on.add(names.get(bit));
            }
        }
        return Optional.of(on);
    }

    /** The numbering that saves exactly {@code stored} for {@code signals}, if any (which release wrote a hook). */
    public static Optional<LuaSignals> savedBy(String stored, Set<String> signals) {
        return Stream.of(values())
                .filter(n -> n.names.containsAll(signals) && n.bits(signals).equals(stored))
                .findFirst();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static List<String> insertAfter(List<String> names, String after, List<String> inserted) {
        List<String> all = new ArrayList<>(names);
        all.addAll(names.indexOf(after) + 1, inserted);
        return List.copyOf(all);
    }
}
