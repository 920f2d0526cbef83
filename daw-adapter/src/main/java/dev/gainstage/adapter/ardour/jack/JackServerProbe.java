package dev.gainstage.adapter.ardour.jack;

import java.util.EnumSet;
import java.util.Optional;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;

/** Whether a JACK server runs for this process, asked before anything depends on one. */
public final class JackServerProbe {
    private JackServerProbe() {}

    /**
     * Whether a JACK server is running for this process (libjack's default server), found by opening
     * and closing a client that may not start one; the reason when not.
     */
    public static Optional<String> serverProblem() {
        try {
            EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
            JackClient probe =
                    Jack.getInstance().openClient("gainstage-probe", EnumSet.of(JackOptions.JackNoStartServer), status);
            probe.close();
            return Optional.empty();
        } catch (JackException | RuntimeException | UnsatisfiedLinkError e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
