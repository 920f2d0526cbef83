package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A private JACK server for the tests: {@code jackd -n NAME -d dummy -r 48000 -p 256}. Clients find it through
 * JACK_DEFAULT_SERVER=NAME in their environment ({@link #environment}). Stopped by its process handle.
 */
public final class JackServer implements JackGraph {
    private final String name;
    private final Path log;
    private Process process;

    private JackServer(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    /** Starts the server and waits until it accepts clients. */
    public static JackServer start(String name, Path log) throws IOException, InterruptedException {
        JackServer server = new JackServer(name, log);
        server.launch();
        return server;
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("jackd", "-n", name, "-d", "dummy", "-r", "48000", "-p", "256")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            String out = Processes.run(tool("jack_wait", "-w", "-t", "10"), 15_000);
            if (!process.isAlive() || !out.contains("server is available")) {
                throw new IOException("jackd " + name + " did not start: " + out + "\n" + Processes.tail(log, 20));
            }
        } catch (IOException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** Stops the server and starts a fresh one under the same name. */
    @Override
    public void restart() throws IOException, InterruptedException {
        close();
        launch();
    }

    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    /** Puts JACK_DEFAULT_SERVER into a child's environment. */
    @Override
    public ProcessBuilder environment(ProcessBuilder pb) {
        pb.environment().put("JACK_DEFAULT_SERVER", name);
        return pb;
    }

    @Override
    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, 5000);
        process = null;
    }
}
