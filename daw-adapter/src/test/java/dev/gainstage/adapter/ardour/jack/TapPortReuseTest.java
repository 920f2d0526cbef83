package dev.gainstage.adapter.ardour.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.ArdourHost;
import dev.gainstage.adapter.ardour.testing.JackGraph;
import dev.gainstage.adapter.ardour.testing.Processes;
import dev.gainstage.adapter.ardour.testing.RealParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tap set changing again and again while the callback runs, as it does when Ardour switches sessions or a
 * mixer adds and removes plugins: ports no source needs are kept idle and reused, never unregistered under the
 * running callback, so jnajack never fails a period (on PipeWire an unregistered port's buffer is NULL, and
 * jnajack's wrapper threw "Error in process callback"), and the click tapped throughout keeps arriving.
 * Once on the test JACK server, once on PipeWire (scripts/pipewire-e2e).
 */
class TapPortReuseTest {
    private static final int CHANGES = 200;

    @TempDir
    Path dir;

    @Test
    void onTheJackServerTheTapSetChangingKeepsItsPortsAndTheCallbackRunning() throws Exception {
        tapSetChanging();
    }

    @Test
    @Tag("pipewire")
    void onPipeWireTheTapSetChangingKeepsItsPortsAndTheCallbackRunning() throws Exception {
        tapSetChanging();
    }

    private void tapSetChanging() throws Exception {
        RealParts.require(
                ArdourHost.onPath("jack_metro").isPresent(),
                "JACK's example clients are not installed (Debian: apt-get install jackd2, or jack-example-tools)");
        List<LogRecord> jnajackErrors = new ArrayList<>();
        Logger jnajack = Logger.getLogger("org.jaudiolibs.jnajack");
        Handler errors = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (jnajackErrors) {
                        jnajackErrors.add(r);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jnajack.addHandler(errors);
        try (JackGraph jack = JackGraph.startForTests(dir)) {
            // a metronome, not jack_simple_client: that one quits where there are no playback ports (PipeWire here)
            Process metro = jack.tool("jack_metro", "-b", "120", "-n", "gainstage-metro")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("metro.log").toFile())
                    .start();
            try (JackTapClient taps = new JackTapClient("gainstage-ports-test", false)) {
                TapSignals.waitForPort(jack, "gainstage-metro:120_bpm");
                taps.open();
                int most = 0;
                int before = 0;
                for (int change = 0; change < CHANGES; change++) {
                    // the metronome first (source 0), then two to four sources that come and go
                    Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
                    wanted.put(List.of("120_bpm"), new Fanout(new int[] {1}, new float[] {1}));
                    int others = 2 + change % 3;
                    for (int o = 0; o < others; o++) {
                        wanted.put(List.of("gone-" + change + "-" + o), new Fanout(new int[] {2 + o}, new float[] {1}));
                    }
                    taps.update(wanted);
                    assertEquals(1, taps.wire(), "only the metronome's port has a peer");
                    // the new sources take the idle ports before the replaced ones go idle
                    most = Math.max(most, 1 + before + others);
                    before = others;
                    assertEquals(
                            most, taps.registeredPorts(), "ports kept, not registered anew, after change " + change);
                }
                TapRing.Period p = TapSignals.nextPeriodWithSignal(taps, taps.bufferSize());
                assertTrue(p.frames() > 0);
                assertEquals(0, taps.callbackErrors());
                synchronized (jnajackErrors) {
                    assertEquals(
                            List.of(),
                            jnajackErrors.stream()
                                    .map(r -> r.getMessage() + (r.getThrown() == null ? "" : ": " + r.getThrown()))
                                    .toList(),
                            "jnajack reported no error while the taps changed");
                }
            } finally {
                Processes.stop(metro, 5000);
            }
        } finally {
            jnajack.removeHandler(errors);
        }
    }
}
