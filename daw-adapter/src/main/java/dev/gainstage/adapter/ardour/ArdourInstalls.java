package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ardour major versions on this machine: each has its own binaries ({@code ardourN-lua}, the GUI
 * {@code ardourN}, or Debian's {@code ardour} launcher) and its own config folder ({@code $XDG_CONFIG_HOME/ardourN},
 * else {@code ~/.config/ardourN}) with its script folder and its action hooks ({@code ui_scripts}).
 */
public final class ArdourInstalls {
    /** The majors gainstage knows, newest first. */
    public static final List<Integer> MAJORS = List.of(9, 8, 7);

    private static final Pattern MAJOR_IN_NAME = Pattern.compile("ardour(\\d+)");
    private static final Pattern MAJOR_IN_SCRIPT = Pattern.compile("/ardour(\\d+)/");

    private ArdourInstalls() {}

    /**
     * One Ardour major version: where its settings live and which of its programs are on the PATH.
     *
     * @param config its config folder (which need not exist)
     */
    public record Install(int major, Path config, Optional<Path> lua, Optional<Path> gui) {
        /** Where Ardour looks for user scripts (it scans it when it starts). */
        public Path scripts() {
            return config.resolve("scripts");
        }

        /** Where Ardour keeps its action hooks (and action scripts), read when a session is set. */
        public Path uiScripts() {
            return config.resolve("ui_scripts");
        }

        public boolean onPath() {
            return lua.isPresent() || gui.isPresent();
        }

        /** Installed per PATH, or run here before (its config folder exists). */
        public boolean present() {
            return onPath() || Files.isDirectory(config);
        }

        /** What Ardour says its version is: its GUI's word, else its headless tool's; empty when neither answers. */
        public Optional<ArdourVersion> version() {
            for (Optional<Path> exe : List.of(gui, lua)) {
                if (exe.isPresent()) {
                    try {
                        return Optional.of(ArdourVersion.ask(exe.get()));
                    } catch (IOException e) {
                        // try the other one
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Every major of {@link #MAJORS}, present or not, newest first. */
    public static List<Install> all(Map<String, String> env) {
        String path = env.get("PATH");
        Optional<Integer> debianGui = ArdourHost.onPath("ardour", path).flatMap(ArdourInstalls::majorOfLauncher);
        return MAJORS.stream()
                .map(major -> new Install(
                        major,
                        configFolder(env, major),
                        ArdourHost.onPath("ardour" + major + "-lua", path),
                        ArdourHost.onPath("ardour" + major, path)
                                .or(() -> debianGui
                                        .filter(m -> m == major)
                                        .flatMap(m -> ArdourHost.onPath("ardour", path)))))
                .toList();
    }

    /** The majors installed per PATH or whose config folder exists, newest first. */
    public static List<Install> present(Map<String, String> env) {
        return all(env).stream().filter(Install::present).toList();
    }

    /** $XDG_CONFIG_HOME/ardourN, else ~/.config/ardourN (as Ardour's user_config_directory computes it). */
    public static Path configFolder(Map<String, String> env, int major) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = xdg.isBlank()
                ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config")
                : Path.of(xdg);
        return base.resolve("ardour" + major);
    }

    /** Debian's {@code ardour} is a shell script that runs /usr/lib/ardourN/...; a bundle's is a link to ardourN. */
    private static Optional<Integer> majorOfLauncher(Path ardour) {
        try {
            Path real = ardour.toRealPath();
            Matcher byName = MAJOR_IN_NAME.matcher(real.getFileName().toString());
            if (byName.lookingAt()) {
                return Optional.of(Integer.parseInt(byName.group(1)));
            }
            if (Files.size(real) < 64 * 1024) {
                Matcher m = MAJOR_IN_SCRIPT.matcher(Files.readString(real, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return Optional.of(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
