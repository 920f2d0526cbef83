package dev.gainstage.adapter.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.ArdourHost;
import dev.gainstage.adapter.ardour.LuaSignals;
import dev.gainstage.adapter.ardour.testing.ActionHook;
import dev.gainstage.adapter.ardour.testing.JackServer;
import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.client.SidecarAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor against the real parts: a JACK server, a sidecar on loopback with a session, the X display. */
class DoctorTest {
    @TempDir
    Path dir;

    @Test
    void aRunningJackServerIsReportedWithItsRateAndPeriodAndAStoppedOneAsSomethingToDo() throws Exception {
        RealParts.require(
                ArdourHost.onPath("jackd").isPresent(), "jackd is not installed (Debian: apt-get install jackd2)");
        String server = System.getenv("JACK_DEFAULT_SERVER");
        RealParts.require(server != null, "JACK_DEFAULT_SERVER is not set (the POM sets it for surefire)");
        Finding running;
        try (JackServer jack = JackServer.start(server, dir.resolve("jackd.log"))) {
            running = only(new JackCheck(System.getenv()).run());
        }
        assertEquals(Finding.Status.OK, running.status(), running.toString());
        assertTrue(
                running.text().contains("'" + server + "'")
                        && running.text().contains("48000 Hz, period 256 frames (5.3 ms)")
                        && running.text().contains("JACK2's libjack"),
                running.text());

        Finding stopped = only(new JackCheck(System.getenv()).run());
        assertEquals(Finding.Status.TODO, stopped.status(), stopped.toString());
        assertTrue(stopped.text().contains("is not running"), stopped.text());
        assertEquals(JackCheck.START_FIX, stopped.fix());
    }

    @Test
    void aSidecarIsReportedWithItsVersionAndSessionsAndAnAbsentOneWithTheCommandForItsPort() throws Exception {
        SidecarAddress address;
        List<Finding> found;
        try (SimSidecarRig rig = SimSidecarRig.on(dir.resolve("store"))
                .session("doctor-key", "Doctor Demo")
                .speed(SimAdapter.Speed.MAX)
                .simRunByTheTest()
                .start()) {
            address = rig.address;
            rig.adapter.run(12.0);
            found = new SidecarCheck(address, Map.of(), 3000).run();
        }
        assertEquals(2, found.size(), found.toString());
        assertEquals(Finding.Status.OK, found.get(0).status());
        assertTrue(
                found.get(0)
                        .text()
                        .matches("sidecar \\S+ answers at 127\\.0\\.0\\.1:" + address.port()
                                + " \\(adapter protocol 1\\), 1 session"),
                found.get(0).text());
        assertTrue(
                found.get(1).text().startsWith("'Doctor Demo' (doctor-key): adapter 'sim' attached, 12 s of audio, "),
                found.get(1).text());
        assertTrue(
                !found.get(1).text().contains(", 0 active warnings"),
                "the demo is mis-staged: " + found.get(1).text());

        Finding absent = only(new SidecarCheck(address, Map.of(), 3000).run());
        assertEquals(Finding.Status.TODO, absent.status());
        assertEquals("no sidecar answers at 127.0.0.1:" + address.port() + " (UNAVAILABLE)", absent.text());
        assertTrue(
                absent.fix()
                        .startsWith("start it: scripts/gainstage sidecar --bind 127.0.0.1 --port " + address.port()),
                absent.fix());
    }

    @Test
    void theInstalledLibsndfileIsReportedWithItsVersionAndAMissingOneIsANoteWithTheInstall() {
        Finding installed = only(new LibsndfileCheck().run());
        RealParts.require(
                installed.status() == Finding.Status.OK,
                "libsndfile is not installed (Debian: apt-get install libsndfile1): " + installed.text());
        assertTrue(
                installed.text().matches("libsndfile-1\\.\\d+\\.\\d+.* loads \\(.*libsndfile\\.so.*"),
                installed.text());

        Finding missing = only(new LibsndfileCheck("libgainstage-no-such-sndfile.so.1").run());
        assertEquals(Finding.Status.NOTE, missing.status(), "not a failure: " + missing);
        assertTrue(
                missing.text().startsWith("libgainstage-no-such-sndfile.so.1 cannot be loaded")
                        && missing.text().endsWith("install libsndfile1 (apt install libsndfile1)"),
                missing.text());
        assertEquals("", missing.fix());
    }

    @Test
    void theDisplayTheTestsRunOnAnswersAndOneWithNoServerIsSomethingToDo() {
        String display = System.getenv("DISPLAY");
        RealParts.require(display != null, "needs an X display (scripts/test runs the tests under Xvfb)");
        Finding real = only(new DisplayCheck(System.getenv()).run());
        assertEquals(Finding.Status.OK, real.status(), real.toString());

        Finding none = only(new DisplayCheck(Map.of("DISPLAY", ":97"), dir).run());
        assertEquals(Finding.Status.TODO, none.status());
        assertTrue(none.text().startsWith("the X display :97 does not answer"), none.text());
        assertEquals(Finding.Status.TODO, only(new DisplayCheck(Map.of()).run()).status());
        assertTrue(only(new DisplayCheck(Map.of("DISPLAY", "nonsense")).run())
                .text()
                .contains("not of the form"));
    }

    @Test
    void installedArdoursAreFoundByWhatTheySayTheyAreAndTheirHooksByConfigFolder() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // An Ardour 8 whose file name says 8 but which reports 8.12: the version shown is the tool's own word.
        Path lua8 = bin.resolve("ardour8-lua");
        Files.writeString(lua8, "#!/bin/sh\necho 'ardour8-lua version 8.12.0'\n");
        Files.writeString(bin.resolve("ardour8"), "#!/bin/sh\nexit 0\n");
        assertTrue(lua8.toFile().setExecutable(true)
                && bin.resolve("ardour8").toFile().setExecutable(true));
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("ardour8"));
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin.toString(), "XDG_CONFIG_HOME", config.toString()));

        List<Finding> unhooked = new ArdourCheck(env).run();
        assertEquals(
                List.of("Ardour 8", "bridge hook"),
                unhooked.stream().map(Finding::subject).toList(),
                unhooked.toString());
        assertEquals(
                "headless " + lua8 + " (Ardour 8.12.0); GUI " + bin.resolve("ardour8"),
                unhooked.get(0).text());
        assertEquals(Finding.Status.TODO, unhooked.get(1).status());
        assertTrue(unhooked.get(1).fix().contains("in Ardour 8: Edit > Lua Scripts > Script Manager > Action Hooks"));

        Files.writeString(
                config.resolve("ardour8").resolve("ui_scripts"),
                ActionHook.uiScripts(List.of(ActionHook.bridge(LuaSignals.ARDOUR_8))));
        Finding hooked = new ArdourCheck(env).run().get(1);
        assertEquals(Finding.Status.OK, hooked.status(), hooked.toString());

        List<Finding> nothing =
                new ArdourCheck(Map.of("PATH", dir.resolve("empty").toString(), "HOME", dir.toString())).run();
        assertEquals(Finding.Status.TODO, only(nothing).status());
        assertTrue(only(nothing).fix().startsWith("install Ardour"));
    }

    @Test
    void aBridgeHookArdour9CopiedFromArdour8IsSomethingToDoAndTheOneInArdour8IsFine() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path gui9 = bin.resolve("ardour9");
        Files.writeString(gui9, "#!/bin/sh\necho 'Ardour9.8.0~ds (built using 9.8.0~ds-1 and GCC version 16.2.0)'\n");
        assertTrue(gui9.toFile().setExecutable(true));
        Path config = dir.resolve("config");
        // Ardour 9 copied ardour8/ui_scripts when it first started (as it does when the user says yes)
        String savedBy8 = ActionHook.uiScripts(List.of(ActionHook.bridge(LuaSignals.ARDOUR_8)));
        for (String folder : List.of("ardour8", "ardour9")) {
            Files.createDirectories(config.resolve(folder));
            Files.writeString(config.resolve(folder).resolve("ui_scripts"), savedBy8);
        }
        Map<String, String> env = Map.of("PATH", bin.toString(), "XDG_CONFIG_HOME", config.toString());

        List<Finding> found = new ArdourCheck(env).run();
        assertEquals(
                List.of("Ardour 9", "bridge hook", "bridge hook"),
                found.stream().map(Finding::subject).toList(),
                found.toString());
        Finding nine = found.get(1);
        assertEquals(Finding.Status.TODO, nine.status(), nine.toString());
        assertTrue(
                nine.text()
                        .startsWith(
                                "Ardour 9's gainstage bridge hook (" + config.resolve("ardour9/ui_scripts")
                                        + ") subscribes to Change, Located, LuaTimerS, PositionChanged, RegionsPropertyChanged instead of "),
                nine.text());
        assertTrue(
                nine.text()
                        .endsWith("it was saved by Ardour 8.0 to 9.7, which numbers Ardour's signals differently "
                                + "from Ardour 9.8.0~ds"),
                nine.text());
        assertTrue(
                nine.fix().startsWith("re-add the gainstage bridge hook in Ardour 9 (it was saved by an older Ardour)"),
                nine.fix());
        assertEquals(Finding.Status.OK, found.get(2).status(), found.get(2).toString());

        // once re-added in Ardour 9.8 (the Script Manager saves 9.8's numbering), nothing is left to do
        Files.writeString(
                config.resolve("ardour9").resolve("ui_scripts"),
                ActionHook.uiScripts(List.of(ActionHook.bridge(LuaSignals.ARDOUR_9_8))));
        List<Finding> fixed = new ArdourCheck(env).run();
        assertTrue(fixed.stream().noneMatch(f -> f.status() == Finding.Status.TODO), fixed.toString());
        assertEquals(
                "ok     bridge hook  Ardour 9 runs the gainstage bridge as an action hook ("
                        + config.resolve("ardour9/ui_scripts") + ")",
                DoctorCommand.line(fixed.get(1)));
    }

    @Test
    void theInstalledArdour7SaysItsVersion() {
        RealParts.require(
                ArdourHost.onPath("ardour7-lua").isPresent(), "ardour7-lua is not installed (apt-get install ardour)");
        assertTrue(ArdourCheck.describe(ArdourHost.onPath("ardour7-lua").orElseThrow())
                .matches("Ardour 7\\.\\d+.*"));
    }

    @Test
    void aSilentOscPortIsSomethingToDoWithinItsTimeout() throws Exception {
        int port;
        try (DatagramSocket free = new DatagramSocket(0)) {
            port = free.getLocalPort();
        }
        long t0 = System.nanoTime();
        Finding f = only(new OscCheck(new InetSocketAddress("127.0.0.1", port), 300).run());
        assertEquals(Finding.Status.TODO, f.status());
        assertEquals("no answer from Ardour's OSC surface at 127.0.0.1:" + port + " within 300 ms", f.text());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void theReportListsWhatToDoAndExitsOneAndAWrongFlagIsOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("PATH", dir.toString(), "HOME", dir.toString());
        int status = DoctorCommand.run(
                List.of("--sidecar", "127.0.0.1:" + port, "--osc", "127.0.0.1:" + port),
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, report);
        assertTrue(report.contains("ok     JDK"), report);
        assertTrue(report.contains("TO DO  display      DISPLAY is not set"), report);
        assertTrue(report.contains("things to do:\n  1. display: "), report);
        assertTrue(report.contains("  libsndfile ") && !report.contains(". libsndfile:"), "a line, never a to-do");
        assertTrue(
                report.contains(". sidecar: start it: scripts/gainstage sidecar --bind 127.0.0.1 --port " + port),
                report);

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        assertEquals(
                2,
                DoctorCommand.run(
                        List.of("--sidecar", "nowhere"),
                        env,
                        new PrintStream(out),
                        new PrintStream(bad, true, StandardCharsets.UTF_8)));
        assertEquals(
                "gainstage doctor: --sidecar needs HOST:PORT, not 'nowhere'\n" + DoctorCommand.USAGE + "\n",
                bad.toString(StandardCharsets.UTF_8));
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.getFirst();
    }
}
