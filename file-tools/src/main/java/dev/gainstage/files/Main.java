package dev.gainstage.files;

import java.io.PrintStream;
import java.util.Arrays;

/** The file tools' commands: {@code meter} and {@code analyze} read audio files and print; no sidecar is involved. */
public final class Main {
    static final String USAGE = """
            usage: gainstage <command> [options]
              meter   [--json] FILE...
              analyze STEM... [--html FILE] [--json FILE]""";

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // System.exit first looks up a System.Logger to log the exit, and finding none scans every jar on the class
        // path for one: 15-20 ms of a 70 ms meter run. These commands register no shutdown hooks and leave only
        // daemon threads, so flushing and halting is the same exit.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        return switch (command) {
            case "meter" -> MeterCommand.run(rest, out, err);
            case "analyze" -> AnalyzeCommand.run(rest, out, err);
            case "-h", "--help", "help" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println(command.isEmpty() ? USAGE : "gainstage: unknown command '" + command + "'\n" + USAGE);
                yield 2;
            }
        };
    }
}
