package dev.gainstage.adapter.sim;

import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.SimSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sim (--demo | SESSION.textproto) [--sidecar HOST:PORT] [--speed realtime|max] [--seconds N]}.
 */
public final class SimCommand {
    static final String USAGE = "usage: gainstage sim (--demo | SESSION.textproto) [--sidecar HOST:PORT] "
            + "[--speed realtime|max] [--seconds N]";

    private SimCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl;
        SimAdapter.Speed speed;
        SidecarAddress sidecar;
        double seconds;
        try {
            cl = CommandLine.parse(args, Set.of("sidecar", "speed", "seconds"), Set.of("demo"));
            boolean demo = cl.has("demo");
            if (demo == (cl.positional().size() == 1) || cl.positional().size() > 1) {
                throw new CommandLine.UsageException("give either --demo or one SESSION.textproto");
            }
            speed = switch (cl.value("speed", "realtime").toLowerCase(Locale.ROOT)) {
                case "realtime" -> SimAdapter.Speed.REALTIME;
                case "max" -> SimAdapter.Speed.MAX;
                default ->
                    throw new CommandLine.UsageException(
                            "--speed is realtime or max, not '" + cl.value("speed", "") + "'");
            };
            sidecar = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            seconds = cl.doubleValue("seconds", 0, 0, 1e7);
        } catch (CommandLine.UsageException e) {
            err.println("gainstage sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SimSessionRenderer renderer;
        String key;
        SimSession session;
        try {
            if (cl.has("demo")) {
                session = SimSessions.demo();
                renderer = SimSessionRenderer.create(session, Path.of("."));
                key = "sim:demo";
            } else {
                Path file = Path.of(cl.positional().getFirst()).toAbsolutePath();
                session = SimSessions.load(file);
                renderer = SimSessionRenderer.create(session, file.getParent());
                key = "sim:" + file;
            }
        } catch (SimSessionException e) {
            err.println("gainstage sim: " + e.getMessage());
            return 1;
        }
        String name = session.getName().isBlank() ? key : session.getName();
        err.printf(
                Locale.ROOT,
                "gainstage sim: session \"%s\" (%d strips) -> sidecar %s, %s speed%n",
                name,
                renderer.snapshot(0).getStripsCount(),
                sidecar,
                speed.name().toLowerCase(Locale.ROOT));
        try (SimAdapter adapter = new SimAdapter(renderer, key, name, speed, sidecar)) {
            Runtime.getRuntime().addShutdownHook(new Thread(adapter::close, "gainstage-sim-shutdown"));
            adapter.run(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
