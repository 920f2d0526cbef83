package dev.gainstage.adapter;

import dev.gainstage.adapter.ardour.ArdourCommand;
import dev.gainstage.adapter.ardour.ArdourHostCommand;
import dev.gainstage.adapter.doctor.DoctorCommand;
import dev.gainstage.adapter.sim.SimCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The adapters' commands. */
public final class Main {
    static final String USAGE = """
            usage: gainstage <command> [options]
              sim (--demo | SESSION.textproto) [--sidecar HOST:PORT] [--speed realtime|max] [--seconds N]
              ardour [--osc 127.0.0.1:3819] [--sidecar HOST:PORT] [--control-dir DIR] [--no-install] [--max-tap-ports N]
              ardour-host SESSION.ardour [--loop] [--seconds N] [--control-dir DIR]
              doctor [--sidecar HOST:PORT] [--osc HOST:PORT]""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "sim" -> SimCommand.run(rest, out, err);
            case "ardour" -> ArdourCommand.run(rest, out, err);
            case "ardour-host" -> ArdourHostCommand.run(rest, out, err);
            case "doctor" -> DoctorCommand.run(rest, out, err);
            default -> {
                err.println("gainstage: unknown command '" + args.getFirst() + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }
}
