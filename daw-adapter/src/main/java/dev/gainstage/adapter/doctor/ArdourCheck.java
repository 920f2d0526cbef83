package dev.gainstage.adapter.doctor;

import dev.gainstage.adapter.ardour.ArdourInstalls;
import dev.gainstage.adapter.ardour.ArdourVersion;
import dev.gainstage.adapter.ardour.BridgeHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which Ardour versions are installed (each major version's headless {@code ardourN-lua} and GUI), what version
 * each says it is, and which of their config folders run the gainstage bridge as an action hook, on the bridge's
 * signals (a hook saved by an older release can subscribe to others: {@link BridgeHook}).
 */
final class ArdourCheck implements DoctorCheck {
    private static final String INSTALL_FIX = "install Ardour (Debian: apt-get install ardour; 7.3 in bookworm, "
            + "8.12 in trixie, 9 in sid; or the bundle from ardour.org), or set ARDOUR_LUA to an ardourN-lua";
    private final Map<String, String> env;

    ArdourCheck(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        String override = env.getOrDefault("ARDOUR_LUA", "");
        if (!override.isBlank()) {
            Path lua = Path.of(override);
            findings.add(
                    Files.isExecutable(lua)
                            ? Finding.ok("Ardour", "ARDOUR_LUA=" + lua + ": " + describe(lua))
                            : Finding.todo(
                                    "Ardour",
                                    "ARDOUR_LUA=" + lua + " is not an executable file",
                                    "point ARDOUR_LUA at an ardourN-lua (or unset it to use the one on the PATH)"));
        }
        List<ArdourInstalls.Install> ardours = ArdourInstalls.all(env);
        for (ArdourInstalls.Install a : ardours) {
            if (!a.onPath()) {
                continue;
            }
            String headless = a.lua()
                    .map(l -> "headless " + l + " (" + describe(l) + ")")
                    .orElse("no ardour" + a.major() + "-lua");
            String window = a.gui().map(g -> "GUI " + g).orElse("no GUI");
            findings.add(Finding.ok("Ardour " + a.major(), headless + "; " + window));
        }
        if (ardours.stream().noneMatch(ArdourInstalls.Install::onPath) && override.isBlank()) {
            findings.add(Finding.todo(
                    "Ardour",
                    "no Ardour found (looked for ardour9-lua, ardour8-lua, ardour7-lua "
                            + "and their GUIs on the PATH)",
                    INSTALL_FIX));
        }
        findings.addAll(hooks(ardours));
        return findings;
    }

    /**
     * Per config folder: is the bridge an action hook there, subscribed to the bridge's signals as that Ardour
     * numbers them? An absent hook is something to do only where that Ardour's GUI is installed.
     */
    private static List<Finding> hooks(List<ArdourInstalls.Install> ardours) {
        List<Finding> findings = new ArrayList<>();
        for (ArdourInstalls.Install a : ardours) {
            BridgeHook.State hook = BridgeHook.check(a);
            switch (hook.status()) {
                case OK -> findings.add(Finding.ok("bridge hook", hook.text()));
                case STALE -> findings.add(Finding.todo("bridge hook", hook.text(), BridgeHook.reAddFix(a.major())));
                case ABSENT -> {
                    if (a.gui().isPresent()) {
                        findings.add(Finding.todo("bridge hook", hook.text(), BridgeHook.addFix(a.major())));
                    }
                }
            }
        }
        return findings;
    }

    /** What the tool says it is ({@code --version}): Ardour's own word, not the file's name. */
    static String describe(Path lua) {
        try {
            return "Ardour " + ArdourVersion.ask(lua);
        } catch (IOException e) {
            return "cannot tell its version: " + e.getMessage();
        }
    }
}
