package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A private JACK server for the tests: {@code jackd -n NAME -t 4000 -d dummy -r 48000 -p 256}. Clients find it through
 * JACK_DEFAULT_SERVER=NAME in their environment ({@link #environment}). Stopped by its process handle.
 */
public final class JackServer implements JackGraph {
    private static final int CLIENT_TIMEOUT_MS = 4000;

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
        // -t: a client that answers the server later than this (a port registered, a connection made) is thrown
        // out as a zombie; JACK2's 500 ms default threw Ardour's session tool out on a loaded CI machine ("JACK
        // server has been closed", five attempts in a row). It bounds how long the server waits for a late
        // client; clients that answer in time see no difference. Below the 5 s jackd's manual gives as the limit.
        process = new ProcessBuilder(
                        "jackd",
                        "-n",
                        name,
                        "-t",
                        Integer.toString(CLIENT_TIMEOUT_MS),
                        "-d",
                        "dummy",
                        "-r",
                        "48000",
                        "-p",
                        "256")
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
