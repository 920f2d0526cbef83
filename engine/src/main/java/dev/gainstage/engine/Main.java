package dev.gainstage.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.client.CommandLine;
import dev.gainstage.engine.config.RulesConfigFile;
import dev.gainstage.engine.grpc.SidecarConfig;
import dev.gainstage.engine.grpc.SidecarModule;
import dev.gainstage.engine.grpc.SidecarSecurity;
import dev.gainstage.engine.grpc.SidecarServer;
import dev.gainstage.engine.offline.AnalyzeCommand;
import dev.gainstage.engine.offline.MeterCommand;
import dev.gainstage.engine.report.FixCommand;
import dev.gainstage.engine.report.ReportCommand;
import dev.gainstage.engine.report.RulesCommand;
import dev.gainstage.engine.rules.RuleOverrides;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The engine's commands: the sidecar server, and the commands that read it or audio files. */
public final class Main {
    static final String USAGE = """
            usage: gainstage <command> [options]
              sidecar [--bind 127.0.0.1] [--port 50551] [--port-file FILE] [--store DIR] [--rules FILE]
                      [--tls-cert PEM --tls-key PEM] [--token-file FILE] [--meter-threads N]
              report  [--sidecar HOST:PORT] [--json FILE] [--session KEY] [--wait SECONDS]
              fix     [--sidecar HOST:PORT] [--session KEY] [--rounds N] [--settle SECONDS]
              rules   [--sidecar HOST:PORT] [--session KEY] [--set FIELD=VALUE ...] [--clear FIELD ... | --clear-all] [--show]
              meter   [--json] FILE.wav...
              analyze STEM.wav... [--html FILE] [--json FILE]""";

    /** Commands that only read files and print: they end by halting (see {@link #main}). */
    private static final Set<String> OFFLINE = Set.of("meter", "analyze");

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        int code = run(arguments, System.out, System.err);
        if (!arguments.isEmpty() && OFFLINE.contains(arguments.getFirst())) {
            // System.exit first looks up a System.Logger to log the exit, and finding none scans every
            // jar on the class path for one: 15-20 ms of a 70 ms meter run. These commands register no
            // shutdown hooks and leave only daemon threads, so flushing and halting is the same exit.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
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
            case "rules" -> RulesCommand.run(rest, out, err);
            case "meter" -> MeterCommand.run(rest.toArray(String[]::new), out, err);
            case "analyze" -> AnalyzeCommand.run(rest.toArray(String[]::new), out, err);
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
            CommandLine cl = CommandLine.parse(args, Set.of("bind", "port", "port-file", "store", "rules",
                    "tls-cert", "tls-key", "token-file", "meter-threads"), Set.of());
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException("unexpected argument '" + cl.positional().getFirst() + "'");
            }
            config = new SidecarConfig(cl.value("bind", SidecarConfig.DEFAULT_BIND),
                    cl.intValue("port", SidecarConfig.DEFAULT_PORT, 0, 65535),
                    cl.value("port-file").map(Path::of), Optional.empty(),
                    cl.value("store").map(Path::of).orElseGet(SidecarConfig::defaultStoreDir),
                    SidecarSecurity.of(cl.value("tls-cert").map(Path::of), cl.value("tls-key").map(Path::of),
                            cl.value("token-file").map(Path::of)),
                    cl.intValue("meter-threads", 0, 0, SidecarConfig.MAX_METER_THREADS));
            rules = cl.value("rules").isPresent() ? RulesConfigFile.loadOverrides(Path.of(cl.value("rules").get()), "--rules ")
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
