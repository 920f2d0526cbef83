package dev.gainstage.adapter.doctor;

import dev.gainstage.adapter.ardour.ArdourHost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Ardour versions are installed (each major version's headless {@code ardourN-lua} and GUI), what version
 * each says it is, and which of their config folders run the gainstage bridge as an action hook.
 */
final class ArdourCheck implements DoctorCheck {
    static final List<Integer> MAJORS = List.of(9, 8, 7);
    private static final Pattern VERSION = Pattern.compile("version\\s+(\\d+\\.\\d+\\S*)");
    private static final Pattern MAJOR_IN_SCRIPT = Pattern.compile("/ardour(\\d+)/");
    private static final String INSTALL_FIX = "install Ardour (Debian: apt-get install ardour; 7.3 in bookworm, "
            + "8.12 in trixie, 9 in sid; or the bundle from ardour.org), or set ARDOUR_LUA to an ardourN-lua";
    private final Map<String, String> env;

    ArdourCheck(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        String path = env.get("PATH");
        String override = env.getOrDefault("ARDOUR_LUA", "");
        if (!override.isBlank()) {
            Path lua = Path.of(override);
            findings.add(Files.isExecutable(lua)
                    ? Finding.ok("Ardour", "ARDOUR_LUA=" + lua + ": " + describe(lua))
                    : Finding.todo("Ardour", "ARDOUR_LUA=" + lua + " is not an executable file",
                    "point ARDOUR_LUA at an ardourN-lua (or unset it to use the one on the PATH)"));
        }
        Optional<Integer> debianGui = ArdourHost.onPath("ardour", path).flatMap(ArdourCheck::majorOfLauncher);
        List<Integer> guis = new ArrayList<>();
        boolean any = false;
        for (int major : MAJORS) {
            Optional<Path> lua = ArdourHost.onPath("ardour" + major + "-lua", path);
            Optional<Path> gui = ArdourHost.onPath("ardour" + major, path)
                    .or(() -> debianGui.filter(m -> m == major).flatMap(m -> ArdourHost.onPath("ardour", path)));
            if (lua.isEmpty() && gui.isEmpty()) {
                continue;
            }
            any = true;
            gui.ifPresent(g -> guis.add(major));
            String headless = lua.map(l -> "headless " + l + " (" + describe(l) + ")").orElse("no ardour" + major + "-lua");
            String window = gui.map(g -> "GUI " + g).orElse("no GUI");
            findings.add(Finding.ok("Ardour " + major, headless + "; " + window));
        }
        if (!any && override.isBlank()) {
            findings.add(Finding.todo("Ardour", "no Ardour found (looked for ardour9-lua, ardour8-lua, ardour7-lua "
                    + "and their GUIs on the PATH)", INSTALL_FIX));
        }
        findings.addAll(hooks(guis));
        return findings;
    }

    /** Per installed GUI: is the bridge an action hook in that version's config folder? */
    private List<Finding> hooks(List<Integer> guis) {
        List<Finding> findings = new ArrayList<>();
        for (int major : MAJORS) {
            Path folder = configFolder(major);
            Path uiScripts = folder.resolve("ui_scripts");
            boolean hooked = hasBridgeHook(uiScripts);
            if (hooked) {
                findings.add(Finding.ok("bridge hook", "Ardour " + major + " runs the gainstage bridge as an action hook ("
                        + uiScripts + ")"));
            } else if (guis.contains(major)) {
                findings.add(Finding.todo("bridge hook", "Ardour " + major + "'s GUI does not run the gainstage bridge (no "
                                + "action hook in " + uiScripts + ")",
                        "run scripts/gainstage ardour once (it puts the bridge into Ardour's script folder), then in Ardour "
                                + major + ": Edit > Lua Scripts > Script Manager > Action Hooks > Add > gainstage bridge; "
                                + "or run the session headless: scripts/gainstage ardour-host SESSION.ardour"));
            }
        }
        return findings;
    }

    /** $XDG_CONFIG_HOME/ardourN, else ~/.config/ardourN: where Ardour N keeps its settings and action hooks. */
    Path configFolder(int major) {
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = xdg.isBlank() ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config") : Path.of(xdg);
        return base.resolve("ardour" + major);
    }

    static boolean hasBridgeHook(Path uiScripts) {
        try {
            String xml = Files.readString(uiScripts, StandardCharsets.UTF_8);
            int hooks = xml.indexOf("<ActionHooks");
            return hooks >= 0 && xml.indexOf("name=\"gainstage bridge\"", hooks) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Debian's {@code ardour} is a shell script that runs /usr/lib/ardourN/...; a bundle's is a link to ardourN. */
    private static Optional<Integer> majorOfLauncher(Path ardour) {
        try {
            Path real = ardour.toRealPath();
            Matcher byName = Pattern.compile("ardour(\\d+)").matcher(real.getFileName().toString());
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

    /** What the tool says it is ({@code --version}): Ardour's own word, not the file's name. */
    static String describe(Path lua) {
        Path out = null;
        try {
            out = Files.createTempFile("gainstage-doctor", ".txt");
            Process p = new ProcessBuilder(lua.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not answer --version within 10 s";
            }
            Matcher m = VERSION.matcher(Files.readString(out, StandardCharsets.ISO_8859_1));
            return m.find() ? "Ardour " + m.group(1) : "an unknown version (--version printed no version)";
        } catch (IOException e) {
            return "cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
