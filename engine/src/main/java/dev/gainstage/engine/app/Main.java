package dev.gainstage.engine.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.client.CommandLine;
import dev.gainstage.engine.cli.DecisionsCommand;
import dev.gainstage.engine.cli.FixCommand;
import dev.gainstage.engine.cli.ReportCommand;
import dev.gainstage.engine.cli.RulesCommand;
import dev.gainstage.engine.rules.RuleOverrides;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The engine's commands: the sidecar server, and the command-line clients that read or change a running one. */
public final class Main {
    static final String USAGE = """
            usage: gainstage <command> [options]
              sidecar [--bind 127.0.0.1] [--port 50551] [--port-file FILE] [--store DIR] [--rules FILE]
                      [--tls-cert PEM --tls-key PEM] [--token-file FILE] [--meter-threads N]
              report  [--sidecar HOST:PORT] [--json FILE] [--html FILE] [--session KEY] [--wait SECONDS]
              fix     [--sidecar HOST:PORT] [--session KEY] [--rounds N] [--settle SECONDS] | [--undo [ID]]
              decisions [--sidecar HOST:PORT] [--session KEY] [--list | --clear | --undo ID]
              rules   [--sidecar HOST:PORT] [--session KEY] [--set FIELD=VALUE ...] [--clear FIELD ... | --clear-all] [--show]""";

    private Main() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.exit(code);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "sidecar" -> sidecar(rest, err);
            case "report" -> ReportCommand.run(rest, out, err);
            case "fix" -> FixCommand.run(rest, out, err);
            case "decisions" -> DecisionsCommand.run(rest, out, err);
            case "rules" -> RulesCommand.run(rest, out, err);
            case "-h", "--help", "help" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println("gainstage: unknown command '" + args.getFirst() + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static int sidecar(List<String> args, PrintStream err) {
        SidecarConfig config;
        RuleOverrides rules;
        try {
            CommandLine cl = CommandLine.parse(
                    args,
                    Set.of(
                            "bind",
                            "port",
                            "port-file",
                            "store",
                            "rules",
                            "tls-cert",
                            "tls-key",
                            "token-file",
                            "meter-threads"),
                    Set.of());
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
            config = new SidecarConfig(
                    cl.value("bind", SidecarConfig.DEFAULT_BIND),
                    cl.intValue("port", SidecarConfig.DEFAULT_PORT, 0, 65535),
                    cl.value("port-file").map(Path::of),
                    cl.value("store").map(Path::of).orElseGet(SidecarConfig::defaultStoreDir),
                    SidecarSecurity.of(
                            cl.value("tls-cert").map(Path::of),
                            cl.value("tls-key").map(Path::of),
                            cl.value("token-file").map(Path::of)),
                    cl.intValue("meter-threads", 0, 0, SidecarConfig.MAX_METER_THREADS));
            rules = cl.value("rules").isPresent()
                    ? RulesConfigFile.loadOverrides(Path.of(cl.value("rules").get()), "--rules ")
                    : RuleOverrides.NONE;
        } catch (IOException e) {
            err.println("gainstage sidecar: " + e.getMessage());
            return 2;
        } catch (CommandLine.UsageException e) {
            err.println("gainstage sidecar: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Injector injector = Guice.createInjector(new SidecarModule(config, rules));
        SidecarServer server = injector.getInstance(SidecarServer.class);
        try {
            server.start();
        } catch (IOException e) {
            err.println("gainstage sidecar: " + e.getMessage());
            return 1;
        }
        err.println("gainstage sidecar listening on " + config.bindAddress() + ":" + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gainstage-shutdown"));
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
