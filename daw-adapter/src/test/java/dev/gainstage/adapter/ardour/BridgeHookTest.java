package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.ActionHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config folder's bridge hook as each Ardour reads it: absent, on the bridge's signals, or saved by another numbering. */
class BridgeHookTest {
    private static final ArdourVersion V7_3 = ArdourVersion.of(7, 3);
    private static final ArdourVersion V8_12 = ArdourVersion.of(8, 12);
    private static final ArdourVersion V9_8 = ArdourVersion.of(9, 8);

    @TempDir
    Path dir;

    private Path uiScripts(ActionHook... hooks) throws IOException {
        Path file = dir.resolve("ui_scripts");
        Files.writeString(file, ActionHook.uiScripts(List.of(hooks)));
        return file;
    }

    private static BridgeHook.State check(Path file, int major, ArdourVersion version) {
        return BridgeHook.check(file, major, () -> Optional.of(version));
    }

    @Test
    void aHookSavedByTheSameReleaseIsTheBridgeOnEachVersion() throws IOException {
        for (ArdourVersion v : List.of(V7_3, V8_12, V9_8)) {
            Path file = uiScripts(ActionHook.bridge(LuaSignals.of(v)));
            BridgeHook.State s = check(file, v.major(), v);
            assertEquals(BridgeHook.Status.OK, s.status(), s.text());
            assertEquals(
                    "Ardour " + v.major() + " runs the gainstage bridge as an action hook (" + file + ")", s.text());
        }
    }

    @Test
    void aHookCopiedFromArdour8IntoArdour9_8RunsOnOtherSignalsAndMustBeAddedAgain() throws IOException {
        Path file = uiScripts(ActionHook.bridge(LuaSignals.ARDOUR_8));
        BridgeHook.State s =
                check(file, 9, ArdourVersion.parse("Ardour9.8.0~ds").orElseThrow());
        assertEquals(BridgeHook.Status.STALE, s.status(), s.text());
        assertEquals(
                "Ardour 9's gainstage bridge hook (" + file + ") subscribes to Change, Located, LuaTimerS, "
                        + "PositionChanged, RegionsPropertyChanged instead of LuaTimerDS, RouteAdded, RoutesReconnected, SetSession, "
                        + "TransportStateChange: it was saved by Ardour 8.0 to 9.7, which numbers Ardour's signals differently "
                        + "from Ardour 9.8.0~ds",
                s.text());
        assertTrue(
                BridgeHook.reAddFix(9)
                        .startsWith("re-add the gainstage bridge hook in Ardour 9 (it was saved by an "
                                + "older Ardour): in Ardour 9, Edit > Lua Scripts > Script Manager > Action Hooks"),
                BridgeHook.reAddFix(9));
        // the same file is right for Ardour 9.0 to 9.7, which share 8's numbering
        assertEquals(
                BridgeHook.Status.OK, check(file, 9, ArdourVersion.of(9, 7)).status());
    }

    @Test
    void aHookCopiedFromArdour7IntoArdour8KeepsItsSignals() throws IOException {
        Path file = uiScripts(ActionHook.bridge(LuaSignals.ARDOUR_7));
        BridgeHook.State s = check(file, 8, V8_12);
        assertEquals(BridgeHook.Status.OK, s.status(), s.text());
        assertTrue(
                s.text().endsWith("; saved by Ardour 7.0 to 7.5, which Ardour 8.12 reads as the same signals"),
                s.text());
        assertEquals(BridgeHook.Status.STALE, check(file, 9, V9_8).status());
    }

    @Test
    void aStaleHookSavedAgainByTheNewerReleaseIsStillStale() throws IOException {
        // Ardour 9.8 saves ui_scripts again whenever a script changes: the old hook's wrong signals, 52 bits long
        String resaved = LuaSignals.ARDOUR_9_8.bits(LuaSignals.ARDOUR_9_8
                .read(LuaSignals.ARDOUR_8.bits(LuaSignals.BRIDGE))
                .orElseThrow());
        Path file = uiScripts(ActionHook.bridgeWithBits(resaved));
        BridgeHook.State s = check(file, 9, V9_8);
        assertEquals(BridgeHook.Status.STALE, s.status(), s.text());
        assertTrue(s.text().endsWith(": its saved signals are not the bridge's as Ardour 9.8 numbers them"), s.text());
        assertEquals(
                BridgeHook.Status.STALE,
                check(uiScripts(ActionHook.bridgeWithBits("10x")), 9, V9_8).status());
    }

    @Test
    void withoutItsVersionAHookIsReadAsTheNewestReleaseOfThatMajorReadsIt() throws IOException {
        Path file = uiScripts(ActionHook.bridge(LuaSignals.ARDOUR_8));
        BridgeHook.State s = BridgeHook.check(file, 9, Optional::empty);
        assertEquals(BridgeHook.Status.STALE, s.status(), s.text());
        assertTrue(s.text().endsWith("from Ardour 9.8 (Ardour 9 did not say its version)"), s.text());
        assertEquals(
                BridgeHook.Status.OK, BridgeHook.check(file, 8, Optional::empty).status());
    }

    @Test
    void noFileNoHookOrAnotherHookIsAbsentAndTheVersionIsNotAskedFor() throws IOException {
        java.util.function.Supplier<Optional<ArdourVersion>> never = () -> {
            throw new AssertionError("asked Ardour for its version without a hook");
        };
        Path none = dir.resolve("missing");
        assertEquals(BridgeHook.Status.ABSENT, BridgeHook.check(none, 9, never).status());
        ActionHook other = new ActionHook("another hook", LuaSignals.ARDOUR_9_8.bits(LuaSignals.BRIDGE), "", "");
        BridgeHook.State s = BridgeHook.check(uiScripts(other), 9, never);
        assertEquals(BridgeHook.Status.ABSENT, s.status());
        assertEquals(
                "Ardour 9's GUI does not run the gainstage bridge (no action hook in " + dir.resolve("ui_scripts")
                        + ")",
                s.text());
        Files.writeString(dir.resolve("broken"), "<UIScripts><ActionHooks>");
        BridgeHook.State broken = BridgeHook.check(dir.resolve("broken"), 9, never);
        assertEquals(BridgeHook.Status.ABSENT, broken.status());
        assertTrue(broken.text().contains("cannot be read (not well-formed XML"), broken.text());
    }
}
