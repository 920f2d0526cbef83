package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionValidationTest {
    @TempDir
    Path dir;

    private static String rejection(String textproto) {
        return assertThrows(
                        SimSessionException.class,
                        () -> SimSessionRenderer.create(SimSessions.parse(textproto, "test"), Path.of(".")))
                .getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown output bus | tracks { id: \"t\" channels: 1 output: \"nowhere\" } | tracks[t].output: unknown bus \"nowhere\"",
                "unknown send target | tracks { id: \"t\" channels: 1 sends { id: \"s\" target: \"fx\" } } | tracks[t].sends[s].target: unknown bus \"fx\"",
                "routing cycle | buses { id: \"a\" output: \"b\" } buses { id: \"b\" output: \"a\" } | routing cycle a → b → a",
                "bus into itself | buses { id: \"a\" output: \"a\" } | routing cycle a → a",
                "duplicate strip id | tracks { id: \"x\" channels: 1 } buses { id: \"x\" } | duplicate id \"x\"",
                "master is reserved | tracks { id: \"master\" channels: 1 } | duplicate id \"master\"",
                "duplicate plugin id | tracks { id: \"t\" channels: 1 plugins { id: \"p\" gain {} } plugins { id: \"p\" gain {} } } | tracks[t].plugins[p].id",
                "reserved stage id | tracks { id: \"t\" channels: 1 plugins { id: \"fader\" gain {} } } | tracks[t].plugins[fader].id",
                "channels | tracks { id: \"t\" channels: 3 } | tracks[t].channels: must be 1 or 2, got 3",
                "slash in id | tracks { id: \"a/b\" channels: 1 } | tracks[0].id",
                "gain range | tracks { id: \"t\" channels: 1 fader_db: 200 } | tracks[t].fader_db",
                "generator type | tracks { id: \"t\" channels: 1 source { generator { peak_dbfs: -6 } } } | tracks[t].source.generator.type",
                "processor kind | tracks { id: \"t\" channels: 1 plugins { id: \"p\" } } | tracks[t].plugins[p]: no processor kind",
                "compressor ratio | buses { id: \"b\" plugins { id: \"c\" compressor { ratio: 0.5 } } } | buses[b].plugins[c].compressor.ratio",
                "sample rate | sample_rate: 1000 | sample_rate",
            })
    void invalidSessionIsRejectedNamingTheField(String what, String textproto, String expected) {
        String message = rejection(textproto);
        assertTrue(message.contains(expected), "expected \"" + expected + "\" in: " + message);
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        Path file = dir.resolve("broken.textproto");
        Files.writeString(file, "name: \"x\"\ntracks {\n  id: \"t\"\n  chanels: 1\n}\n");
        String message = assertThrows(SimSessionException.class, () -> SimSessions.load(file))
                .getMessage();
        assertTrue(message.startsWith(file + ":4:"), message);
    }

    @Test
    void wavSourceIsLoadedLoopedAndScaledByItsGain() throws Exception {
        writeWav(dir.resolve("tone.wav"), 48_000, 0.5f);
        SimSessionRenderer r = SimSessionRenderer.create(
                SimSessions.parse(
                        "tracks { id: \"w\" channels: 2 source { wav_file: \"tone.wav\" gain_db: -6 } }", "test"),
                dir);
        TapRecorder taps = TapRecorder.record(r, 1, 0);
        assertEquals(20 * Math.log10(0.5) - 6, taps.out("w/source").peakDbfs(), 0.01);
    }

    @Test
    void wavAtAnotherSampleRateIsRejectedNamingTheFile() throws Exception {
        writeWav(dir.resolve("cd.wav"), 44_100, 0.5f);
        SimSessionException e = assertThrows(
                SimSessionException.class,
                () -> SimSessionRenderer.create(
                        SimSessions.parse("tracks { id: \"w\" channels: 1 source { wav_file: \"cd.wav\" } }", "test"),
                        dir));
        assertTrue(e.getMessage().contains("cd.wav") && e.getMessage().contains("44100"), e.getMessage());
    }

    @Test
    void testResourceSessionLoadsAndRenders() throws Exception {
        Path file = Path.of(getClass().getResource("/small-session.textproto").toURI());
        SimSessionRenderer r = SimSessionRenderer.create(SimSessions.load(file), file.getParent());
        TapRecorder taps = TapRecorder.record(r, 1, 0.2);
        assertTrue(taps.out("master/output").peakDbfs() <= -1 + 1e-4, "the master limiter holds -1 dBFS");
    }

    /** 16-bit mono PCM with a 1 kHz sine at {@code amplitude}, 0.25 s long. */
    private static void writeWav(Path file, int sampleRate, float amplitude) throws Exception {
        int frames = sampleRate / 4;
        ByteBuffer pcm = ByteBuffer.allocate(2 * frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < frames; n++) {
            pcm.putShort((short) Math.round(32767 * amplitude * Math.sin(2 * Math.PI * 1000 * n / sampleRate)));
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
