package dev.gainstage.adapter.ardour.testing;

import dev.gainstage.adapter.ardour.ArdourHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PipeWire serving JACK, for the tests: {@code pipewire -c pipewire-headless.conf} (no hardware, no session
 * manager, no D-Bus; the dummy driver clocks the graph at 48 kHz, 256 frames), its socket in
 * $PIPEWIRE_RUNTIME_DIR. JACK clients reach it through PipeWire's libjack, which {@code pw-jack} puts first on
 * the library path: this JVM must itself run under pw-jack (the adapter's JNA client loads libjack into it),
 * and every child it starts (Ardour, the JACK tools) inherits that and the runtime folder. scripts/pipewire-e2e
 * sets both up. Stopped by its process handle.
 */
public final class PipeWireServer implements JackGraph {
    /** PipeWire's libjack folder under the library folder: pw-jack's LD_LIBRARY_PATH entry. */
    public static final String LIBJACK_FOLDER = "pipewire-0.3/jack";

    private static final Pattern SETTING = Pattern.compile("key:'([^']*)' value:'([^']*)'");
    private static final Pattern BINARY = Pattern.compile("\"application\\.process\\.binary\": \"([^\"]*)\"");

    private final Path config;
    private final Path log;
    private final Path runtime;
    private Process process;

    private PipeWireServer(Path config, Path log, Path runtime) {
        this.config = config;
        this.log = log;
        this.runtime = runtime;
    }

    /** Starts PipeWire with the tests' configuration (written into {@code dir}) and waits until it accepts clients. */
    public static PipeWireServer start(Path dir) throws IOException, InterruptedException {
        for (String tool : List.of("pipewire", "pw-cli", "pw-dump", "pw-metadata", "jack_lsp")) {
            RealParts.require(
                    ArdourHost.onPath(tool).isPresent(),
                    tool + " is not installed (Debian: apt-get install "
                            + "pipewire pipewire-bin pipewire-jack jack-example-tools; scripts/pipewire-e2e runs the tests "
                            + "in a Debian trixie chroot that has them)");
        }
        String runtime = System.getenv("PIPEWIRE_RUNTIME_DIR");
        RealParts.require(
                runtime != null && !runtime.isBlank(),
                "PIPEWIRE_RUNTIME_DIR is not set: the folder for "
                        + "the tests' PipeWire socket must be in this JVM's environment (scripts/pipewire-e2e sets it)");
        RealParts.require(
                underPwJack(),
                "this JVM does not run under pw-jack (LD_LIBRARY_PATH has no " + LIBJACK_FOLDER
                        + "), so its JACK client would load JACK2's libjack (scripts/pipewire-e2e runs it so)");
        Files.createDirectories(Path.of(runtime));
        Path config = dir.resolve("pipewire.conf");
        try (InputStream in = PipeWireServer.class.getResourceAsStream("pipewire-headless.conf")) {
            if (in == null) {
                throw new IOException("pipewire-headless.conf is not on the test classpath");
            }
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }
        PipeWireServer server = new PipeWireServer(config, dir.resolve("pipewire.log"), Path.of(runtime));
        server.launch();
        return server;
    }

    /** Whether PipeWire's libjack folder is on this process's library path (its children inherit it). */
    public static boolean underPwJack() {
        String path = System.getenv("LD_LIBRARY_PATH");
        return path != null && Arrays.stream(path.split(":")).anyMatch(p -> p.endsWith(LIBJACK_FOLDER));
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("pipewire", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String why = "pipewire exited with status " + process.exitValue() + ":\n" + Processes.tail(log, 20);
                close();
                throw new IOException(why);
            }
            if (Files.exists(runtime.resolve("pipewire-0"))) {
                try {
                    last = Processes.run(new ProcessBuilder("pw-cli", "info", "0"), 5000);
                    if (last.contains("PipeWire:Interface:Core")) {
                        return;
                    }
                } catch (IOException e) {
                    last = e.getMessage();
                }
            }
            Thread.sleep(100);
        }
        close();
        throw new IOException("pipewire did not accept clients at " + runtime.resolve("pipewire-0") + " within 10 s ("
                + last.strip() + "):\n" + Processes.tail(log, 20));
    }

    /** Nothing to add: the children inherit this JVM's PIPEWIRE_RUNTIME_DIR and pw-jack's LD_LIBRARY_PATH. */
    @Override
    public ProcessBuilder environment(ProcessBuilder pb) {
        return pb;
    }

    /**
     * Forces the graph's quantum (its period, in frames) as a user or an application does while PipeWire runs:
     * {@code pw-metadata -n settings 0 clock.force-quantum N}; 0 gives it back to the graph (its default, or
     * what its clients ask for).
     */
    public void forceQuantum(int frames) throws IOException, InterruptedException {
        Processes.run(
                new ProcessBuilder(
                        "pw-metadata", "-n", "settings", "0", "clock.force-quantum", Integer.toString(frames)),
                5000);
    }

    /** The "settings" metadata (clock.quantum, clock.force-quantum ...), as {@code pw-metadata -n settings} lists it. */
    public Map<String, String> settings() throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher m = SETTING.matcher(Processes.run(new ProcessBuilder("pw-metadata", "-n", "settings"), 5000));
        while (m.find()) {
            settings.put(m.group(1), m.group(2));
        }
        return settings;
    }

    /** The executables of the clients connected to this PipeWire (luasession, java, jack_lsp ...). */
    public List<String> clientBinaries() throws IOException, InterruptedException {
        List<String> binaries = new ArrayList<>();
        // pw-dump lists every property; pw-cli ls only a few
        Matcher m = BINARY.matcher(Processes.run(new ProcessBuilder("pw-dump", "Client"), 5000));
        while (m.find()) {
            binaries.add(m.group(1));
        }
        return binaries;
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        close();
        launch();
    }

    @Override
    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, 5000);
        process = null;
    }
}
