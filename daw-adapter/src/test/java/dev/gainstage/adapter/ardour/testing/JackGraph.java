package dev.gainstage.adapter.ardour.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JACK graph the real-Ardour tests run on: a private {@code jackd} ({@link JackServer}), or PipeWire serving
 * JACK ({@link PipeWireServer}). GAINSTAGE_AUDIO_SERVER=pipewire picks PipeWire for the rigs that start the
 * default one ({@link #startForTests}); scripts/pipewire-e2e sets it.
 */
public interface JackGraph extends AutoCloseable {
    /** What a rig starts when it asks for the default server. */
    static JackGraph startForTests(Path dir) throws IOException, InterruptedException {
        String server = System.getenv().getOrDefault("GAINSTAGE_AUDIO_SERVER", "jackd");
        return switch (server) {
            case "pipewire" -> PipeWireServer.start(dir);
            case "jackd", "" -> {
                String name = System.getenv("JACK_DEFAULT_SERVER");
                RealParts.require(name != null, "JACK_DEFAULT_SERVER is not set (the POM sets it for surefire)");
                yield JackServer.start(name, dir.resolve("jackd.log"));
            }
            default ->
                throw new IllegalArgumentException(
                        "GAINSTAGE_AUDIO_SERVER=" + server + " is not a server the tests know (jackd, pipewire)");
        };
    }

    /** Puts what a JACK client needs to find this server into a child's environment. */
    ProcessBuilder environment(ProcessBuilder pb);

    /** A JACK tool (jack_lsp, jack_wait ...) talking to this server. */
    default ProcessBuilder tool(String... command) {
        return environment(new ProcessBuilder(command));
    }

    /** The graph's JACK ports, by full name ("ardour:Master/audio_out 1"). */
    default List<String> ports() throws IOException, InterruptedException {
        return Processes.run(tool("jack_lsp"), 10_000)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** Stops the server and starts a fresh one in its place. */
    void restart() throws IOException, InterruptedException;

    boolean alive();

    /** The server's log. */
    Path log();

    @Override
    void close() throws InterruptedException;
}
