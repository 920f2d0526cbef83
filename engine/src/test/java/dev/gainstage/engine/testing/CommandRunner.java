package dev.gainstage.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a command-line client ({@code gainstage rules}, {@code fix}, {@code decisions}, ...) in the test's JVM and
 * keeps what it printed. Shared with daw-adapter's tests through the engine's test-jar.
 */
public final class CommandRunner {
    /** A command's entry point, as each client's {@code run(args, out, err)} is. */
    @FunctionalInterface
    public interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    /** The exit status and what the command printed to each stream. */
    public record Result(int status, String out, String err) {}

    private CommandRunner() {}

    public static Result run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
