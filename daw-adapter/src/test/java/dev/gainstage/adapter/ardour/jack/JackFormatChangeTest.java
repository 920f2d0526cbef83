package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.ArdourHost;
import dev.gainstage.adapter.ardour.testing.JackServer;
import dev.gainstage.adapter.ardour.testing.Processes;
import dev.gainstage.adapter.ardour.testing.RealParts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JACK server whose period changes while the taps run, as PipeWire changes its quantum: the taps go on
 * with the new period instead of dropping every longer one. (The PipeWire run of the Ardour tests covers
 * PipeWire itself.)
 */
class JackFormatChangeTest {
    @TempDir
    Path dir;

    @Test
    void aLongerPeriodWhileCapturingGetsAPlanThatHoldsItAndTheTapsGoOn() throws Exception {
        RealParts.require(
                ArdourHost.onPath("jackd").isPresent()
                        && ArdourHost.onPath("jack_simple_client").isPresent(),
                "jackd and its example clients are not installed (Debian: apt-get install jackd2)");
        String name = System.getenv("JACK_DEFAULT_SERVER");
        RealParts.require(name != null, "JACK_DEFAULT_SERVER is not set (the POM sets it for surefire)");
        try (JackServer jack = JackServer.start(name, dir.resolve("jackd.log"))) {
            Process sine = jack.tool("jack_simple_client")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sine.log").toFile())
                    .start();
            try (JackTapClient taps = new JackTapClient("gainstage-format-test", false)) {
                TapSignals.waitForPort(jack, "jack_simple_client:output1");
                taps.open();
                assertEquals(256, taps.bufferSize());
                taps.update(Map.of(List.of("output1"), new Fanout(new int[] {1}, new float[] {1})));
                assertEquals(1, taps.wire());
                assertEquals(256, TapSignals.nextPeriodWithSignal(taps, 256).frames());

                Processes.run(jack.tool("jack_bufsize", "2048"), 10_000);
                TapRing.Period longer = TapSignals.nextPeriodWithSignal(taps, 2048);
                assertEquals(2048, longer.frames());
                assertEquals(2048, taps.bufferSize());
                assertTrue(taps.plan().maxFrames() >= 2048, "the plan now holds the longer period");
                assertEquals(48000, taps.plan().sampleRate());
                assertEquals(0, taps.callbackErrors());
            } finally {
                Processes.stop(sine, 5000);
            }
        }
    }
}
