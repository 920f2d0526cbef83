package dev.gainstage.adapter.ardour;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test helper's {@code main} in a JVM of its own, on the tests' class path, and returns what it printed.
 *
 * <p>Why: a second JACK client opened in the tests' JVM was seen to make the adapter's process callback allocate in
 * one period after warm-up (896 bytes), which {@link ArdourEndToEndTest} forbids. Every extra JACK client a test
 * needs therefore lives in a child JVM.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** Runs {@code main.main(args)}; fails with its output when it does not exit 0 within {@code timeoutMillis}. */
    static String run(Class<?> main, List<String> args, long timeoutMillis) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " failed in its own JVM:\n" + out);
        }
        return out;
    }
}
