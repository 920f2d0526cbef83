package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MeterCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A stereo 1 kHz sine at {@code dbfs} for {@code seconds}: reads {@code dbfs} LUFS. */
    static Path sine(Path file, double dbfs, double seconds, int bits, boolean floatingPoint) throws IOException {
        int rate = 48_000;
        int frames = (int) (seconds * rate);
        float[] x = new float[frames * 2];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < frames; i++) {
            x[2 * i] = x[2 * i + 1] = (float) (a * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        try (WavWriter w = new WavWriter(file, rate, 2, bits, floatingPoint)) {
            w.write(x, frames);
        }
        return file;
    }

    @Test
    void jsonLinesInArgumentOrderWithAFailingFileInBetween() throws IOException {
        Path loud = sine(dir.resolve("loud.wav"), -10, 5, 24, false);
        Path bad = dir.resolve("bad \"name\".wav");
        Files.writeString(bad, "RIFF....WAVEjunk");
        Path quiet = sine(dir.resolve("quiet.wav"), -30, 5, 16, false);
        int code = run("--json", loud.toString(), bad.toString(), quiet.toString());
        assertEquals(1, code, "a failed file makes the exit code non-zero");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(
                lines[0].startsWith(
                        "{\"file\": \"" + loud + "\", \"sampleRate\": 48000, \"channels\": 2, \"frames\": 240000"),
                lines[0]);
        assertTrue(
                lines[0].contains("\"integratedLufs\": -10,")
                        || lines[0].contains("\"integratedLufs\": -10.0")
                        || lines[0].matches(".*\"integratedLufs\": -(9\\.9[5-9]\\d*|10\\.0[0-4]\\d*|10),.*"),
                lines[0]);
        assertTrue(
                lines[1].startsWith("{\"file\": \"" + bad.toString().replace("\"", "\\\"") + "\", \"error\": \""),
                lines[1]);
        assertTrue(lines[2].startsWith("{\"file\": \"" + quiet + "\""), lines[2]);
        for (String key : new String[] {
            "file",
            "sampleRate",
            "channels",
            "frames",
            "samplePeakDbfs",
            "truePeakDbtp",
            "integratedLufs",
            "loudnessRangeLu",
            "maxMomentaryLufs",
            "maxShortTermLufs",
            "rmsDbfs",
            "crestFactorDb",
            "dcOffset",
            "clippedSamples"
        }) {
            assertTrue(lines[0].contains("\"" + key + "\": "), key);
        }
    }

    @Test
    void silenceIsNullNeverInfinity() throws IOException {
        Path silent = sine(dir.resolve("silent.wav"), Double.NEGATIVE_INFINITY, 2, 16, false);
        assertEquals(0, run("--json", silent.toString()));
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.contains("\"samplePeakDbfs\": null"), line);
        assertTrue(line.contains("\"integratedLufs\": null"), line);
        assertTrue(line.contains("\"rmsDbfs\": null"), line);
        assertFalse(line.toLowerCase().contains("infinity"), line);
        assertFalse(line.contains("NaN"), line);
    }

    @Test
    void floatFileAboveFullScaleReadsPositive() throws IOException {
        Path hot = sine(dir.resolve("hot.wav"), 6, 3, 32, true);
        assertEquals(0, run("--json", hot.toString()));
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                line.matches("(?s).*\"samplePeakDbfs\": 6(\\.0\\d*)?,.*|(?s).*\"samplePeakDbfs\": 5\\.99\\d*,.*"),
                line);
    }

    @Test
    void tableIsAlignedAndErrorsGoToStderr() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -20, 4, 16, false);
        Path missing = dir.resolve("missing.wav");
        assertEquals(1, run(a.toString(), missing.toString()));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, "header and one row");
        assertTrue(lines[0].startsWith("FILE"));
        int end = lines[0].indexOf("INTEGRATED LUFS") + "INTEGRATED LUFS".length();
        assertEquals(
                " -20.0",
                lines[1].substring(end - 6, end),
                "numbers right-aligned under their header:\n" + lines[0] + "\n" + lines[1]);
        assertEquals("meter: " + missing + ": no such file\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryGetsOneLineAndTheOtherFilesAreMetered() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -20, 2, 16, false);
        Path folder = Files.createDirectory(dir.resolve("takes"));
        Path b = sine(dir.resolve("b.wav"), -10, 2, 16, false);
        assertEquals(1, run(a.toString(), folder.toString(), b.toString()));
        assertEquals(3, out.toString(StandardCharsets.UTF_8).split("\n").length, "header and two rows");
        assertEquals(
                "meter: " + folder + ": is a directory, not an audio file\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionAndNoFilesAreUsageErrors() {
        assertEquals(2, run("--jsn", "x.wav"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --jsn"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: meter [--json] FILE..."));
        err.reset();
        assertEquals(2, run("--json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no files given"));
    }
}
