package dev.gainstage.adapter.doctor;

import dev.gainstage.adapter.ardour.jack.LoadedLibjack;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * The JACK server the adapter's taps join (JACK2, or PipeWire's JACK when its libjack is the one loaded):
 * whether one runs, its sample rate and period. Opens and closes a client that may not start a server.
 */
final class JackCheck implements DoctorCheck {
    static final String START_FIX = "start one: jackd -d alsa -r 48000 -p 256 (or -d dummy without a sound card); "
            + "with PipeWire, run the adapter through pw-jack (pw-jack scripts/gainstage ardour)";
    private final Map<String, String> env;

    JackCheck(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public List<Finding> run() {
        String server = env.getOrDefault("JACK_DEFAULT_SERVER", "");
        String named = server.isBlank() ? "the default JACK server" : "the JACK server '" + server + "'";
        Jack jack;
        try {
            jack = Jack.getInstance();
        } catch (JackException | RuntimeException | LinkageError e) {
            return List.of(Finding.todo(
                    "JACK",
                    "libjack cannot be loaded (" + e.getMessage() + ")",
                    "install JACK's client library (Debian: apt-get install libjack-jackd2-0 for JACK2, "
                            + "or pipewire-jack for PipeWire)"));
        }
        String flavour = LoadedLibjack.path()
                .map(p -> (LoadedLibjack.isPipeWire(p) ? "PipeWire's libjack " : "JACK2's libjack ") + p)
                .orElse("libjack");
        JackClient client = null;
        try {
            client = jack.openClient(
                    "gainstage-doctor", EnumSet.of(JackOptions.JackNoStartServer), EnumSet.noneOf(JackStatus.class));
            int rate = client.getSampleRate();
            int period = client.getBufferSize();
            return List.of(Finding.ok(
                    "JACK",
                    "%s runs through %s: %d Hz, period %d frames (%.1f ms)"
                            .formatted(capitalised(named), flavour, rate, period, 1000.0 * period / rate)));
        } catch (JackException | RuntimeException e) {
            return List.of(Finding.todo(
                    "JACK", capitalised(named) + " is not running (asked through " + flavour + ")", START_FIX));
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
