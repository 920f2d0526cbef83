package dev.gainstage.adapter.ardour.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gainstage.adapter.ardour.ArdourHost;
import dev.gainstage.adapter.ardour.BridgeScripts;
import dev.gainstage.adapter.ardour.SessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * gainstage's demo session (make-demo-session.lua), created headlessly with {@code ardourN-lua} on a running JACK
 * server, tones recorded in, with Ardour's OSC surface turned on. A retry (on a fresh JACK
 * server) covers Ardour 7.3's JACK race.
 */
public final class DemoSession {
    private DemoSession() {}

    /**
     * The Ardour session tool the tests run ({@link ArdourHost#ardourLua}: $ARDOUR_LUA, else the newest
     * ardourN-lua on the PATH), or fails (under scripts/test and CI) or skips when Ardour or JACK is not installed (see
     * {@link RealParts}). An $ARDOUR_LUA that cannot run fails instead: a version asked for is never skipped.
     */
    public static Path ardourLuaOrSkip() {
        Optional<Path> lua = ArdourHost.ardourLua();
        if (lua.isEmpty() && ArdourHost.explicitArdourLua().isPresent()) {
            fail(ArdourHost.ardourLuaMissing());
        }
        RealParts.require(
                lua.isPresent() && ArdourHost.onPath("jackd").isPresent(),
                ArdourHost.ardourLuaMissing() + " or jackd is not installed (Debian: apt-get install ardour jackd2)");
        return lua.get();
    }

    /**
     * The Ardour that creates the demo session: $GAINSTAGE_SESSION_ARDOUR_LUA when set (say Ardour 7.3's
     * ardour7-lua, for a session made by 7.3 and run by a newer Ardour, as users who upgrade have), else the
     * one under test.
     */
    public static Path sessionMaker() {
        String maker = System.getenv("GAINSTAGE_SESSION_ARDOUR_LUA");
        if (maker == null || maker.isBlank()) {
            return ardourLuaOrSkip();
        }
        Path p = Path.of(maker);
        if (!Files.isExecutable(p)) {
            fail("GAINSTAGE_SESSION_ARDOUR_LUA=" + maker + " is not an executable file");
        }
        return p;
    }

    private static final int ATTEMPTS = 7;

    /**
     * Creates the session in {@code dir/session<attempt>} with {@link #sessionMaker} and returns its .ardour file.
     *
     * @param seconds how many seconds of tones to record into the tracks
     */
    public static Path create(Path dir, JackGraph jack, int seconds) throws IOException, InterruptedException {
        Path script = BridgeScripts.writeTo(dir.resolve("scripts"), BridgeScripts.DEMO_SESSION);
        Path log = dir.resolve("make-session.log");
        StringBuilder jackLogs = new StringBuilder(); // did the server stop, or throw Ardour out?
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path target = dir.resolve("session" + attempt);
            Process p = jack.environment(new ProcessBuilder(
                            sessionMaker().toString(),
                            "-X",
                            script.toString(),
                            target.toString(),
                            "demo",
                            Integer.toString(seconds)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                Processes.stop(p, 2000);
            }
            try (Stream<Path> files = Files.walk(target)) {
                if (files.anyMatch(
                        f -> f.toString().endsWith(".wav") && f.toFile().length() > 40_000L * seconds)) {
                    Path session = target.resolve("demo.ardour");
                    SessionFiles.enableOsc(session);
                    return session;
                }
            } catch (IOException e) {
                // no session folder: try again
            }
            // Ardour lost JACK while creating it: try again on a fresh server, once it has settled (attempts
            // made at once after a restart were seen to fail the same way, four in a row within 9 s, and in CI
            // five in a row within 27 s: the waits between seven attempts now add up to 42 s).
            jackLogs.append("\n--- JACK server log, attempt ")
                    .append(attempt)
                    .append(" ---\n")
                    .append(Processes.tail(jack.log(), 12));
            if (attempt < ATTEMPTS) {
                jack.restart();
                Thread.sleep(2000L * attempt);
            }
        }
        throw new IOException("could not create the demo session in " + ATTEMPTS + " attempts:\n"
                + Processes.tail(log, 30) + jackLogs);
    }
}
