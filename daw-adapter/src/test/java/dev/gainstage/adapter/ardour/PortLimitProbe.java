package dev.gainstage.adapter.ardour;

import java.util.EnumSet;
import java.util.List;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * How many ports the JACK server lets one client register: a client of its own registers input ports until the
 * server refuses one (or 2000 are taken). Runs in a {@link ChildJvm}, so the tests' JVM holds only the adapter's
 * JACK client.
 */
final class PortLimitProbe {
    private static final int CEILING = 2000;

    private PortLimitProbe() {}

    /** The measurement: ports taken and the server's refusal ("none" when it took {@value CEILING}). */
    record Limit(int registered, String refusal, long millis) {}

    static Limit measure() throws Exception {
        String out = ChildJvm.run(PortLimitProbe.class, List.of(), 60_000);
        for (String line : out.lines().toList()) {
            if (line.startsWith("limit\t")) {
                String[] f = line.split("\t", 4);
                return new Limit(Integer.parseInt(f[1]), f[3], Long.parseLong(f[2]));
            }
        }
        throw new AssertionError("the port-limit probe printed no limit:\n" + out);
    }

    /** Prints "limit REGISTERED MILLIS REFUSAL". */
    public static void main(String[] args) throws Exception {
        JackClient probe = Jack.getInstance()
                .openClient(
                        "gainstage-port-limit",
                        EnumSet.of(JackOptions.JackNoStartServer),
                        EnumSet.noneOf(JackStatus.class));
        int registered = 0;
        String refusal = "none";
        long t0 = System.nanoTime();
        try {
            while (registered < CEILING) {
                probe.registerPort("in" + (registered + 1), JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
                registered++;
            }
        } catch (JackException e) {
            refusal = String.valueOf(e.getMessage()).replace('\n', ' ');
        } finally {
            probe.close();
        }
        System.out.println("limit\t" + registered + "\t" + (System.nanoTime() - t0) / 1_000_000 + "\t" + refusal);
        System.exit(0);
    }
}
