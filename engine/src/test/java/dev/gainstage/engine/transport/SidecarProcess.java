package dev.gainstage.engine.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real sidecar in its own JVM, started from the test's classpath, for crash and restart tests. */
final class SidecarProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private SidecarProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param flags more sidecar flags, e.g. {@code --rules FILE} */
    static SidecarProcess start(Path store, Path work, String... flags) throws IOException, InterruptedException {
        Path portFile = work.resolve("port-" + System.nanoTime());
        Path log = work.resolve("sidecar-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gainstage.engine.app.Main",
                "sidecar",
                "--port",
                "0",
                "--port-file",
                portFile.toString(),
                "--store",
                store.toString()));
        command.addAll(List.of(flags));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile) && !Files.readString(portFile).isBlank()) {
                return new SidecarProcess(
                        p, Integer.parseInt(Files.readString(portFile).trim()));
            }
            if (!p.isAlive()) {
                throw new IOException("the sidecar exited: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("the sidecar did not open a port in 30 s: " + Files.readString(log));
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush; what was not on disk is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
