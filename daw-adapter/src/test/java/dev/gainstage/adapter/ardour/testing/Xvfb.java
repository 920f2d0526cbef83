package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private X server (Xvfb, 1600x1200x24) on the first free display number; stopped by its process handle. */
public final class Xvfb implements AutoCloseable {
    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    public static Xvfb start(Path dir) throws IOException, InterruptedException {
        Path displayFile = dir.resolve("xvfb.display");
        Files.deleteIfExists(displayFile);
        // -displayfd: Xvfb picks a free display and writes its number to the descriptor once it accepts clients
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "exec Xvfb -displayfd 3 -screen 0 1600x1200x24 -nolisten tcp 3>\"" + displayFile + "\"")
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("xvfb.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && p.isAlive()) {
            String n = Files.exists(displayFile) ? Files.readString(displayFile).strip() : "";
            if (!n.isEmpty()) {
                return new Xvfb(p, ":" + n);
            }
            Thread.sleep(50);
        }
        Processes.stop(p, 2000);
        throw new IOException("Xvfb did not start: " + Processes.tail(dir.resolve("xvfb.log"), 10));
    }

    public String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, 3000);
    }
}
