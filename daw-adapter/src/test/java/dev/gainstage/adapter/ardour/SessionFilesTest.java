package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** On for 7.x and 8.x, and for 9.6+, which skips a Protocol element without a config attribute. */
    private static final String ON =
            "<Protocol name=\"Open Sound Control (OSC)\" active=\"1\" config=\"Open Sound Control (OSC)\"/>";

    @Test
    void turnsOscOnAsArdourSavedItAndKeepsTheOldFile() throws IOException {
        Path f = dir.resolve("mix.ardour");
        Files.writeString(f, SAVED);
        assertTrue(SessionFiles.enableOsc(f));
        String xml = Files.readString(f);
        assertTrue(xml.contains(ON), xml);
        assertTrue(xml.contains("<Protocol name=\"Mackie\" active=\"0\"/>"), "other surfaces untouched");
        assertEquals(SAVED, Files.readString(SessionFiles.backup(f)));
        assertFalse(SessionFiles.enableOsc(f), "already on");
    }

    @Test
    void aSessionTurnedOnTheOldWayGetsTheConfigAttributeArdour96Needs() throws IOException {
        Path f = dir.resolve("old.ardour");
        Files.writeString(
                f,
                SAVED.replace(
                        "\"Open Sound Control (OSC)\" active=\"0\"", "\"Open Sound Control (OSC)\" active=\"1\""));
        assertTrue(SessionFiles.enableOsc(f));
        assertTrue(Files.readString(f).contains(ON), Files.readString(f));
    }

    @Test
    void theSurfaceAsArdour9SavesItIsKeptWithItsSettings() throws IOException {
        // what Ardour 9.8 writes for an OSC surface that is on, and for one that was turned off with settings
        String on = "<Protocol name=\"Open Sound Control (OSC)\" feedback=\"0\" debugmode=\"0\" address-only=\"1\" "
                + "remote-port=\"8000\" banksize=\"0\" striptypes=\"31\" active=\"1\" config=\"Open Sound Control (OSC)\"/>";
        Path f = dir.resolve("nine.ardour");
        Files.writeString(f, SAVED.replace("<Protocol name=\"Open Sound Control (OSC)\" active=\"0\"/>", on));
        assertFalse(SessionFiles.enableOsc(f), "already on");
        Path g = dir.resolve("nine-off.ardour");
        Files.writeString(
                g,
                SAVED.replace(
                        "<Protocol name=\"Open Sound Control (OSC)\" active=\"0\"/>",
                        on.replace("active=\"1\"", "active=\"0\"")));
        assertTrue(SessionFiles.enableOsc(g));
        String xml = Files.readString(g);
        assertTrue(xml.contains(on), xml);
        assertEquals(1, xml.split("config=", -1).length - 1, "one config attribute");
    }

    @Test
    void addsTheProtocolWhenTheSessionHasNone() throws IOException {
        Path f = dir.resolve("a.ardour");
        Files.writeString(f, "<Session>\n  <ControlProtocols/>\n</Session>\n");
        assertTrue(SessionFiles.enableOsc(f));
        assertTrue(Files.readString(f).contains(ON));
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
        // and the words of the plugin controls it reports, so that the rule lives in the adapter alone
        assertTrue(text.contains("\ncontrol_words=makeup,make-up,output,out gain,gain,level,volume,trim\n"), text);
        new BridgeHeartbeat(dir.resolve("control"), 1111, clock).stop();
        assertTrue(Files.exists(dir.resolve("control/adapter")), "another adapter's file is left alone");
        beat.stop();
        assertFalse(Files.exists(dir.resolve("control/adapter")));
    }
}
