package dev.gainstage.adapter.ardour.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gainstage.adapter.ardour.ArdourHost;
import dev.gainstage.adapter.ardour.ArdourVersion;
import dev.gainstage.adapter.ardour.LuaSignals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Ardour's GUI on a private JACK server and an X display, non-interactively, with a session opened from the command
 * line: {@code $ARDOUR_GUI} (say a chroot's wrapper {@code DIR/ardour9}) else {@code ardour} on the PATH, Ardour
 * 7.3, 8.12 or 9.8, whose version it asks the GUI itself ({@code --version}). Its configuration is private
 * ($XDG_CONFIG_HOME, $XDG_DATA_HOME and $XDG_CACHE_HOME under the fixture's folder) and pre-answers every dialog
 * Ardour shows before its editor, in that version's config folder {@code ardourN}:
 * <ul>
 * <li>{@code ardourN/.aN} (empty): "been here before", so no new-user wizard;</li>
 * <li>{@code ardourN/config}: an Audio/MIDI Setup state for the JACK backend (named "JACK" up to 8.6,
 * "JACK/Pipewire" from 8.7) marked active, so no Audio/MIDI Setup dialog: with a JACK server already running
 * Ardour needs no setup and joins it;</li>
 * <li>{@code ardourN/instant.xml} with {@code <no-memory-warning/>}: no "limit for maximum amount of locked
 * memory" dialog (shown when {@code ulimit -l} is below 75% of the RAM);</li>
 * <li>optionally {@code ardourN/ui_scripts}: the gainstage bridge registered as an action hook, as that version's
 * Script Manager would save it (its signal numbers: {@link LuaSignals}), and further hooks such as
 * {@link SignalProbe}s.</li>
 * </ul>
 * Ardour runs with {@code --no-announcements --no-splash}. Ready means: the editor window titled
 * "SESSION - Ardour" is mapped, Ardour's ports are on the JACK server and its log shows no engine halt, still so
 * a moment later. Ardour 7.3 on JACK2 1.9.21 often loses its JACK connection while it loads a session (it logs
 * "JACK HALTED"); then the fixture stops it, starts a fresh JACK server and tries again. Every process is
 * stopped by its handle (Ardour with its children, such as ardour-avahi).
 */
public final class ArdourGui implements AutoCloseable {
    /** A port every Ardour session has once its engine runs. */
    static final String MASTER_PORT = "ardour:Master/audio_out 1";

    private static final List<String> HALT_MARKS = List.of("JACK HALTED", "Engine halted");
    private static final Map<Path, ArdourVersion> VERSIONS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path log;
    private final String display;
    private final String sessionName;
    private final ArdourVersion version;
    private Process process;
    private long startupMillis;
    private int attempts;

    private ArdourGui(Path dir, String display, String sessionName, ArdourVersion version) {
        this.dir = dir;
        this.log = dir.resolve("ardour-gui.log");
        this.display = display;
        this.sessionName = sessionName;
        this.version = version;
    }

    /**
     * The Ardour GUI the tests run: {@code $ARDOUR_GUI} when set (a path to an Ardour GUI, or a wrapper that runs
     * one), else the {@code ardour} launcher on the PATH; skips the test (fails under scripts/test and CI) when
     * it or jackd is not installed. An $ARDOUR_GUI that cannot run fails: a version asked for is never skipped.
     */
    public static Path ardourOrSkip() {
        String explicit = System.getenv("ARDOUR_GUI");
        if (explicit != null && !explicit.isBlank()) {
            Path gui = Path.of(explicit);
            if (!Files.isExecutable(gui)) {
                fail("ARDOUR_GUI=" + explicit + " is not an executable file");
            }
            RealParts.require(
                    ArdourHost.onPath("jackd").isPresent(), "jackd is not installed (Debian: apt-get install jackd2)");
            return gui;
        }
        Optional<Path> ardour = ArdourHost.onPath("ardour");
        RealParts.require(
                ardour.isPresent() && ArdourHost.onPath("jackd").isPresent(),
                "Ardour's GUI (ardour) or jackd is not installed (Debian: apt-get install ardour jackd2; or set "
                        + "ARDOUR_GUI to an Ardour GUI)");
        return ardour.get();
    }

    /** What the GUI says its version is ({@code --version}), asked once per binary. */
    public static ArdourVersion version(Path gui) throws IOException {
        ArdourVersion known = VERSIONS.get(gui);
        if (known == null) {
            known = ArdourVersion.ask(gui);
            VERSIONS.put(gui, known);
        }
        return known;
    }

    /**
     * Starts Ardour's GUI on the session and waits until it is ready (see the class comment).
     *
     * @param display    the X display, ":N"
     * @param controlDir the gainstage control folder ($GAINSTAGE_ARDOUR_DIR of the bridge)
     * @param bridgeHook whether the gainstage bridge runs as an action hook
     */
    public static ArdourGui start(
            Path sessionFile, String display, JackServer jack, Path dir, Path controlDir, boolean bridgeHook)
            throws IOException, InterruptedException {
        return start(sessionFile, display, jack, dir, controlDir, bridgeHook, List.of());
    }

    /**
     * {@link #start(Path, String, JackServer, Path, Path, boolean)} with further action hooks (say
     * {@link SignalProbe}s), each made for this Ardour's signal numbering.
     */
    public static ArdourGui start(
            Path sessionFile,
            String display,
            JackServer jack,
            Path dir,
            Path controlDir,
            boolean bridgeHook,
            List<Function<LuaSignals, ActionHook>> extraHooks)
            throws IOException, InterruptedException {
        Path ardour = ardourOrSkip();
        ArdourVersion version = version(ardour);
        Files.createDirectories(dir);
        String name = sessionFile.getFileName().toString().replaceFirst("\\.ardour$", "");
        ArdourGui gui = new ArdourGui(dir, display, name, version);
        List<ActionHook> hooks = new ArrayList<>();
        if (bridgeHook) {
            hooks.add(ActionHook.bridge(LuaSignals.of(version)));
        }
        extraHooks.forEach(h -> hooks.add(h.apply(LuaSignals.of(version))));
        writeConfig(dir.resolve("xdg-config"), version, hooks);
        try {
            return gui.startAttempts(ardour, sessionFile, jack, controlDir);
        } catch (IOException | InterruptedException | RuntimeException e) {
            gui.close(); // a test's timeout interrupts here: Ardour must not outlive it
            throw e;
        }
    }

    private ArdourGui startAttempts(Path ardour, Path sessionFile, JackServer jack, Path controlDir)
            throws IOException, InterruptedException {
        StringBuilder failures = new StringBuilder();
        for (int attempt = 1; attempt <= 4; attempt++) {
            long t0 = System.nanoTime();
            launch(ardour, sessionFile, jack, controlDir);
            String failure = awaitReady(jack, 60_000);
            if (failure == null) {
                startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                attempts = attempt;
                return this;
            }
            failures.append("attempt ")
                    .append(attempt)
                    .append(": ")
                    .append(failure)
                    .append('\n');
            Processes.stop(process, 5000);
            Files.writeString(
                    log,
                    "---- gainstage: " + failure + "; starting JACK and Ardour again\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            jack.restart();
        }
        throw new IOException("Ardour " + version + "'s GUI did not come up:\n" + failures
                + "---- Ardour's log (last lines):\n" + logTail(40));
    }

    /** The name of Ardour's JACK backend: "JACK" up to 8.6, "JACK/Pipewire" from 8.7 (on Linux). */
    static String jackBackend(ArdourVersion version) {
        return version.atLeast(8, 7) ? "JACK/Pipewire" : "JACK";
    }

    /**
     * Writes, into {@code xdgConfig/ardourN} for Ardour {@code version}, the configuration that pre-answers its
     * start-up dialogs and the action hooks (see the class comment); returns that folder.
     */
    static Path writeConfig(Path xdgConfig, ArdourVersion version, List<ActionHook> hooks) throws IOException {
        Path config = xdgConfig.resolve("ardour" + version.major());
        Files.createDirectories(config);
        Files.writeString(config.resolve(".a" + version.major()), "");
        Files.writeString(config.resolve("config"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Ardour>
                  <Config/>
                  <Extra>
                    <AudioMIDISetup>
                      <EngineStates>
                        <State backend="%s" driver="" device="" input-device="" output-device="" sample-rate="48000"
                               buffer-size="256" n-periods="2" input-latency="0" output-latency="0" lm-input=""
                               lm-output="" active="1" use-buffered-io="0" midi-option="" lru="0">
                          <MIDIDevices/>
                        </State>
                      </EngineStates>
                    </AudioMIDISetup>
                  </Extra>
                </Ardour>
                """.formatted(jackBackend(version)));
        Files.writeString(config.resolve("instant.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <instant>
                  <no-memory-warning/>
                </instant>
                """);
        Path uiScripts = config.resolve("ui_scripts");
        if (hooks.isEmpty()) {
            Files.deleteIfExists(uiScripts);
        } else {
            Files.writeString(uiScripts, ActionHook.uiScripts(hooks));
        }
        return config;
    }

    private void launch(Path ardour, Path sessionFile, JackServer jack, Path controlDir) throws IOException {
        ProcessBuilder pb = jack.environment(new ProcessBuilder(
                ardour.toString(),
                "--no-announcements",
                "--no-splash",
                sessionFile.toAbsolutePath().toString()));
        pb.environment().put("DISPLAY", display);
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        pb.environment().put("GAINSTAGE_ARDOUR_DIR", controlDir.toString());
        process = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** @return null once ready, else why not */
    private String awaitReady(JackServer jack, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean seenOnce = false;
        try (X11Top x = X11Top.open(display)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return "Ardour exited with status " + process.exitValue();
                }
                if (engineHalted()) {
                    return "Ardour's engine halted (lost its JACK connection) while loading";
                }
                boolean ready = editorWindow(x).isPresent() && jack.ports().contains(MASTER_PORT);
                if (ready && seenOnce) {
                    return null;
                }
                seenOnce = ready;
                Thread.sleep(ready ? 1500 : 200); // ready: check again a moment later
            }
        }
        return "no mapped editor window titled \"" + sessionName + " - Ardour\" with Ardour's ports on JACK within "
                + timeoutMillis + " ms";
    }

    /** Whether Ardour's log reports that its engine halted. */
    public boolean engineHalted() throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int since = text.lastIndexOf("---- gainstage:");
        String current = since < 0 ? text : text.substring(since);
        return HALT_MARKS.stream().anyMatch(current::contains);
    }

    /** Ardour's main (editor) window: titled "SESSION - Ardour", "*SESSION - Ardour" when modified. */
    public Optional<X11Top.Window> editorWindow(X11Top x) {
        String title = sessionName + " - Ardour";
        return x.windows().stream()
                .filter(w -> w.viewable()
                        && w.title() != null
                        && (w.title().equals(title) || w.title().equals("*" + title)))
                .findFirst();
    }

    /** The version this GUI said it is. */
    public ArdourVersion version() {
        return version;
    }

    /** This GUI's config folder, {@code ardourN} in its private $XDG_CONFIG_HOME. */
    public Path configFolder() {
        return dir.resolve("xdg-config").resolve("ardour" + version.major());
    }

    /** How this GUI numbers its LuaSignals. */
    public LuaSignals numbering() {
        return LuaSignals.of(version);
    }

    public String display() {
        return display;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** From starting Ardour to ready, for the attempt that succeeded. */
    public long startupMillis() {
        return startupMillis;
    }

    /** How many starts it took (Ardour 7.3 sometimes loses JACK while loading; see the class comment). */
    public int attempts() {
        return attempts;
    }

    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        return Processes.tail(log, lines);
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, 5000);
    }
}
