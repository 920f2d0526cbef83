package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping the processes a fixture started (by their handles, children first) and reading their logs. */
public final class Processes {
    private Processes() {}

    /**
     * Ends a process and every process it started (Ardour starts ardour-avahi, for one): SIGTERM, then SIGKILL
     * after the timeout.
     */
    public static void stop(Process process, long timeoutMillis) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    /** The last lines of a log file, for failure messages; empty when there is no such file. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.contains("direct dispatch of call slot"))
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Runs a short tool to completion and returns its output; fails after the timeout, killing the tool (its
     * output is read on another thread, so a tool that hangs with its output open cannot hold the caller).
     */
    public static String run(ProcessBuilder pb, long timeoutMillis) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = p.getInputStream()) {
                out.complete(in.readAllBytes());
            } catch (IOException e) {
                out.complete(new byte[0]);
            }
        });
        if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException(String.join(" ", pb.command()) + " did not finish in " + timeoutMillis + " ms");
        }
        try {
            return new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(String.join(" ", pb.command()) + " exited but its output stayed open: " + e);
        }
    }
}
