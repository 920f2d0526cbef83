package dev.gainstage.engine.offline;

import java.io.PrintStream;

/** {@code analyze STEM.wav... [--html FILE] [--json FILE]}: stems and their sum, with staging findings. */
public final class AnalyzeCommand {
    private AnalyzeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("analyze: not implemented yet");
        return 2;
    }
}
