package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.jack.JackServerProbe;
import dev.gainstage.client.CommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ardour-host SESSION.ardour [--loop] [--seconds N] [--control-dir DIR]}: headless Ardour
 * ({@code ardourN-lua}, 7 to 9, on the running JACK server) loading the session with the bridge, rolling (optionally
 * looping) the transport. Turns the session's OSC surface on first (fixes go through it).
 */
public final class ArdourHostCommand {
    static final String USAGE =
            "usage: gainstage ardour-host SESSION.ardour [--loop] [--seconds N] [--control-dir DIR]";

    private ArdourHostCommand() {}

    /** The copies of the host and bridge scripts written for this run. */
    private static void deleteScripts(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing for
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path session;
        boolean loop;
        double seconds;
        Path controlDir;
        try {
            CommandLine cl = CommandLine.parse(args, Set.of("seconds", "control-dir"), Set.of("loop"));
            if (cl.positional().size() != 1) {
                throw new CommandLine.UsageException("give one SESSION.ardour");
            }
            session = Path.of(cl.positional().getFirst());
            loop = cl.has("loop");
            seconds = cl.doubleValue("seconds", 0, 0, 1e7);
            controlDir = cl.value("control-dir").map(Path::of).orElse(BridgeScripts.defaultControlDir());
        } catch (CommandLine.UsageException e) {
            err.println("gainstage ardour-host: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(session) || !session.getFileName().toString().endsWith(".ardour")) {
            err.println("gainstage ardour-host: " + session + " is not an .ardour session file");
            return 2;
        }
        Optional<Path> lua = ArdourHost.ardourLua();
        if (lua.isEmpty()) {
            err.println("gainstage ardour-host: no Ardour to run: " + ArdourHost.ardourLuaMissing());
            return 1;
        }
        Optional<String> jack = JackServerProbe.serverProblem();
        if (jack.isPresent()) {
            err.println(
                    "gainstage ardour-host: no JACK server is running (" + jack.get() + "). Start one first, e.g. "
                            + "jackd -d alsa -r 48000 -p 256 (or QjackCtl); without a sound card: jackd -d dummy -r 48000 -p 256");
            return 1;
        }
        try {
            if (SessionFiles.enableOsc(session)) {
                err.println("gainstage ardour-host: turned on the OSC surface in " + session + " (UDP 3819)");
            }
            Path scripts = Files.createTempDirectory("gainstage-ardour-host");
            ArdourHost[] running = new ArdourHost[1];
            boolean[] stopping = {false};
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stopping[0] = true;
                                ArdourHost h = running[0];
                                if (h != null) {
                                    try {
                                        h.stop(8000);
                                    } catch (IOException | InterruptedException e) {
                                        h.process().destroyForcibly();
                                    }
                                }
                                deleteScripts(scripts);
                            },
                            "gainstage-ardour-host-shutdown"));
            long started = System.nanoTime();
            int restarts = 0;
            while (true) {
                double left = seconds <= 0 ? 0 : Math.max(1, seconds - (System.nanoTime() - started) / 1e9);
                running[0] = ArdourHost.launch(lua.get(), session, loop, left, scripts, controlDir, Map.of(), out, 5);
                int code = running[0].waitFor();
                boolean timeUp = seconds > 0 && (System.nanoTime() - started) / 1e9 >= seconds - 0.5;
                if (code == 0 || stopping[0] || timeUp || ++restarts > 5) {
                    deleteScripts(scripts);
                    return code;
                }
                err.println(
                        "gainstage ardour-host: Ardour exited with " + code + " (engine halted?); starting it again");
            }
        } catch (IOException e) {
            err.println("gainstage ardour-host: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
