package dev.gainstage.engine.offline;

import java.util.Arrays;

/**
 * Runs the offline commands without the sidecar: {@code meter ...} or {@code analyze ...}. The
 * engine's main class dispatches to the same {@code run} methods; this entry point exists so the
 * commands (and scripts/bench-meter) can run from the engine jar alone.
 */
public final class OfflineMain {
    private OfflineMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        int code = switch (command) {
            case "meter" -> MeterCommand.run(rest, System.out, System.err);
            case "analyze" -> AnalyzeCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("usage: OfflineMain meter [--json] FILE.wav... | analyze STEM.wav... [--html FILE] [--json FILE]");
                yield 2;
            }
        };
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code); // not System.exit: see dev.gainstage.engine.Main#main
    }
}
