package dev.gainstage.adapter.ardour;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A headless Ardour ({@code ardour9-lua}, {@code ardour8-lua} or {@code ardour7-lua} on JACK) running a session
 * with the gainstage bridge: the process
 * behind {@code gainstage ardour-host}, and what the tests start. Stopping it asks the host script to remove
 * its taps and close the session (a stop file it polls), then ends the process if it does not.
 *
 * <p>Ardour 7.3 on JACK2 1.9.21 sometimes corrupts its JACK request channel while it loads a session (jackd
 * logs "CheckSize error", Ardour "JACK HALTED"), more often with the OSC surface on and the machine busy.
 * The host runs with {@code -X} so it exits then, and {@link #launch} starts it again.
 */
public final class ArdourHost implements AutoCloseable {
    /** The folder, under the control folder, where tests drop Lua for the host to run. */
    private static final String COMMANDS = "host-commands";

    /** What the host script prints once the session is loaded and rolling. */
    static final String LOADED_MARK = "gainstage ardour-host: session ";

    private final Process process;
    private final Path controlDir;
    private final CountDownLatch loaded = new CountDownLatch(1);

    private ArdourHost(Process process, Path controlDir, PrintStream out) {
        this.process = process;
        this.controlDir = controlDir;
        Thread.ofPlatform().daemon().name("gainstage-ardour-host-output").start(() -> pump(out));
    }

    /** Ardour's headless session tools, newest first: each major version installs its own. */
    public static final List<String> ARDOUR_LUA_NAMES = List.of("ardour9-lua", "ardour8-lua", "ardour7-lua");

    /**
     * The Ardour session tool to run: {@code $ARDOUR_LUA} when set (a path to an {@code ardourN-lua}, or to a
     * wrapper that runs one, e.g. from a chroot), else the newest of {@link #ARDOUR_LUA_NAMES} on the PATH.
     * Empty when $ARDOUR_LUA is not executable or none is installed. Which Ardour it is, the bridge reports.
     */
    public static Optional<Path> ardourLua() {
        Optional<String> explicit = explicitArdourLua();
        if (explicit.isPresent()) {
            return Optional.of(Path.of(explicit.get())).filter(Files::isExecutable);
        }
        for (String name : ARDOUR_LUA_NAMES) {
            Optional<Path> p = onPath(name);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** $ARDOUR_LUA, when set and not blank. */
    public static Optional<String> explicitArdourLua() {
        return Optional.ofNullable(System.getenv("ARDOUR_LUA")).filter(s -> !s.isBlank());
    }

    /** Why {@link #ardourLua} found nothing, in a sentence for the user. */
    public static String ardourLuaMissing() {
        return explicitArdourLua()
                .map(e -> "ARDOUR_LUA=" + e + " is not an executable file")
                .orElse("none of " + String.join(", ", ARDOUR_LUA_NAMES) + " is on the PATH (Debian: apt-get install "
                        + "ardour)");
    }

    public static Optional<Path> onPath(String name) {
        return onPath(name, System.getenv("PATH"));
    }

    /** The first executable {@code name} in the folders of {@code path} (a PATH-style list). */
    public static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the host and waits until the session is loaded and rolling, starting it again (up to
     * {@code attempts} times) when Ardour's engine halts while loading.
     *
     * @param seconds how long to roll; 0 = until stopped
     * @param env     extra environment (JACK_DEFAULT_SERVER ...)
     * @param out     where the process's output goes
     */
    public static ArdourHost launch(
            Path ardourLua,
            Path sessionFile,
            boolean loop,
            double seconds,
            Path scriptDir,
            Path controlDir,
            Map<String, String> env,
            PrintStream out,
            int attempts)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ArdourHost host = start(ardourLua, sessionFile, loop, seconds, scriptDir, controlDir, env, out);
            if (host.awaitLoaded(90_000)) {
                return host;
            }
            host.kill();
            if (attempt >= attempts) {
                throw new IOException("Ardour did not load " + sessionFile + " in " + attempts + " attempts");
            }
            out.println("gainstage ardour-host: Ardour's engine stopped while loading the session (a known Ardour 7.3 "
                    + "/ JACK2 race); starting it again");
            Thread.sleep(1000);
        }
    }

    /** Starts the host without waiting. */
    public static ArdourHost start(
            Path ardourLua,
            Path sessionFile,
            boolean loop,
            double seconds,
            Path scriptDir,
            Path controlDir,
            Map<String, String> env,
            PrintStream out)
            throws IOException {
        Path host = BridgeScripts.writeTo(scriptDir, BridgeScripts.HOST);
        Path bridge = BridgeScripts.writeTo(scriptDir, BridgeScripts.BRIDGE);
        Path file = sessionFile.toAbsolutePath();
        String state = file.getFileName().toString().replaceFirst("\\.ardour$", "");
        Files.createDirectories(controlDir);
        Files.deleteIfExists(controlDir.resolve("host-stop"));
        clearCommands(controlDir.resolve(COMMANDS));
        // -X: exit when the engine halts, so a caller can start it again instead of rolling a dead session
        ProcessBuilder pb = new ProcessBuilder(
                ardourLua.toString(),
                "-X",
                host.toString(),
                file.getParent().toString(),
                state,
                bridge.toString(),
                String.format(Locale.ROOT, "%.3f", seconds),
                loop ? "1" : "0");
        pb.environment().putAll(env);
        pb.environment().put("GAINSTAGE_ARDOUR_DIR", controlDir.toString());
        pb.redirectErrorStream(true);
        return new ArdourHost(pb.start(), controlDir, out);
    }

    private void pump(PrintStream out) {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.contains("direct dispatch of call slot")) {
                    continue; // Ardour's debug chatter
                }
                out.println(line);
                if (line.startsWith(LOADED_MARK)) {
                    loaded.countDown();
                }
            }
        } catch (IOException e) {
            out.println("gainstage ardour-host: lost Ardour's output: " + e.getMessage());
        }
    }

    /** @return true once the session rolls; false when the process ended first or the timeout passed */
    public boolean awaitLoaded(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (loaded.await(100, TimeUnit.MILLISECONDS)) {
                return process.isAlive();
            }
            if (!process.isAlive()) {
                return false;
            }
        }
        return false;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Commands a host that ended never ran were meant for it, not for the next one: they go. */
    private static void clearCommands(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Drops a Lua file for the host to run between ticks; waits until it ran. */
    public void run(String name, String lua, long timeoutMillis) throws IOException, InterruptedException {
        Path dir = controlDir.resolve(COMMANDS);
        Files.createDirectories(dir);
        // An earlier command of the same name must not answer for this one.
        Files.deleteIfExists(dir.resolve(name + ".lua.done"));
        Files.deleteIfExists(dir.resolve(name + ".lua.failed"));
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, lua);
        Files.move(tmp, dir.resolve(name + ".lua"), StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (Files.exists(dir.resolve(name + ".lua.done"))) {
                return;
            }
            if (Files.exists(dir.resolve(name + ".lua.failed"))) {
                throw new IOException("the host could not run " + name);
            }
            Thread.sleep(50);
        }
        throw new IOException("the host did not run " + name + " within " + timeoutMillis + " ms");
    }

    /** Asks the host to stop (it removes its taps first), then ends it if it has not within the timeout. */
    public void stop(long timeoutMillis) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        Files.writeString(controlDir.resolve("host-stop"), "stop\n");
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroy();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /**
     * Ends the process at once, as a crash would (the taps stay in the unsaved session), and waits until it has
     * gone: an Ardour still dying holds its JACK client, its ports and its OSC port for whatever starts next.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        try {
            stop(8000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
