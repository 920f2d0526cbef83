package dev.gainstage.adapter.doctor;

import dev.gainstage.adapter.ardour.ArdourCommand;
import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code doctor [--sidecar HOST:PORT] [--osc HOST:PORT]}: looks at every part a working set-up needs (JDK,
 * display, JACK, Ardour and its bridge hook, Ardour's OSC surface, the sidecar) and says, in plain words, what
 * works and what to do about the rest. Exit 0 when there is nothing to do, 1 with the list otherwise.
 */
public final class DoctorCommand {
    static final String USAGE = "usage: gainstage doctor [--sidecar HOST:PORT] [--osc HOST:PORT]";
    private static final long OSC_TIMEOUT_MILLIS = 1500;
    private static final long SIDECAR_TIMEOUT_MILLIS = 3000;

    private DoctorCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<DoctorCheck> checks;
        try {
            CommandLine cl = CommandLine.parse(args, Set.of("sidecar", "osc"), Set.of());
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
            SidecarAddress sidecar = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            InetSocketAddress osc = ArdourCommand.hostPort(cl.value("osc", "127.0.0.1:3819"));
            checks = List.of(
                    new JdkCheck(),
                    new DisplayCheck(env),
                    new JackCheck(env),
                    new LibsndfileCheck(),
                    new ArdourCheck(env),
                    new OscCheck(osc, OSC_TIMEOUT_MILLIS),
                    new SidecarCheck(sidecar, env, SIDECAR_TIMEOUT_MILLIS));
        } catch (CommandLine.UsageException e) {
            err.println("gainstage doctor: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<Finding> findings = new ArrayList<>();
        for (DoctorCheck check : checks) {
            List<Finding> found = check.run();
            found.forEach(f -> out.println(line(f)));
            out.flush();
            findings.addAll(found);
        }
        List<Finding> todo =
                findings.stream().filter(f -> f.status() == Finding.Status.TODO).toList();
        out.println();
        if (todo.isEmpty()) {
            out.println("Nothing to do: every part of the set-up answers.");
            return 0;
        }
        out.println(todo.size() == 1 ? "1 thing to do:" : todo.size() + " things to do:");
        for (int i = 0; i < todo.size(); i++) {
            out.println("  " + (i + 1) + ". " + todo.get(i).subject() + ": "
                    + todo.get(i).fix());
        }
        return 1;
    }

    static String line(Finding f) {
        String mark = switch (f.status()) {
            case OK -> "ok   ";
            case NOTE -> "note ";
            case TODO -> "TO DO";
        };
        return "%s  %-12s %s".formatted(mark, f.subject(), f.text());
    }
}
