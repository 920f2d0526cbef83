package dev.gainstage.files;

import java.io.PrintStream;
import java.util.function.DoubleConsumer;

/**
 * Progress of a long command on stderr: a redrawn bar when stderr is a terminal, otherwise a plain
 * line every 10 % so logs and pipes stay readable.
 */
final class ProgressReporter implements DoubleConsumer {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final boolean terminal;
    private int shown = -1;

    ProgressReporter(PrintStream err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    @Override
    public void accept(double fraction) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (terminal) {
            if (percent != shown) {
                int filled = percent * WIDTH / 100;
                err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
                if (percent == 100) {
                    err.println();
                }
                err.flush();
            }
            shown = percent;
        } else {
            int decile = percent / 10 * 10;
            if (decile > shown) {
                shown = decile;
                err.println(label + ": " + decile + "%");
            }
        }
    }
}
