package dev.gainstage.adapter.ardour;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionFilesTest {
    @TempDir
    Path dir;

    private static final String SAVED = """
            <Session version="7002">
              <ControlProtocols>
                <Protocol name="Mackie" active="0"/>
                <Protocol name="Open Sound Control (OSC)" active="0"/>
                <Protocol name="PreSonus FaderPort" active="0"/>
              </ControlProtocols>
            </Session>
            """;

    @Test
    void turnsOscOnAsArdourSavedItAndKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("mix.ardour");
        Files.writeString(f, SAVED);
        assertTrue(SessionFiles.enableOsc(f));
        String xml = Files.readString(f);
        assertTrue(xml.contains("<Protocol name=\"Open Sound Control (OSC)\" active=\"1\"/>"), xml);
        assertTrue(xml.contains("<Protocol name=\"Mackie\" active=\"0\"/>"), "other surfaces untouched");
        assertEquals(SAVED, Files.readString(SessionFiles.backup(f)));
        assertFalse(SessionFiles.enableOsc(f), "already on");
    }

    @Test
    void addsTheProtocolWhenTheSessionHasNone() throws IOException {
        Path f = dir.resolve("a.ardour");
        Files.writeString(f, "<Session>\n  <ControlProtocols/>\n</Session>\n");
        assertTrue(SessionFiles.enableOsc(f));
        assertTrue(Files.readString(f).contains("<Protocol name=\"Open Sound Control (OSC)\" active=\"1\"/>"));
        Path g = dir.resolve("b.ardour");
        Files.writeString(g, "<Session/>");
        assertThrows(IOException.class, () -> SessionFiles.enableOsc(g));
    }

    @Test
    void theHeartbeatTellsTheBridgeThePortAndTheTime() throws IOException {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
        BridgeHeartbeat beat = new BridgeHeartbeat(dir.resolve("control"), 45678, clock);
        beat.beat();
        String text = Files.readString(dir.resolve("control/adapter"));
        // the bridge reads lines key=value: port and alive (epoch seconds) are the ones it needs
        assertTrue(text.startsWith("port=45678\nalive=1800000000\n"), text);
        new BridgeHeartbeat(dir.resolve("control"), 1111, clock).stop();
        assertTrue(Files.exists(dir.resolve("control/adapter")), "another adapter's file is left alone");
        beat.stop();
        assertFalse(Files.exists(dir.resolve("control/adapter")));
    }
}
