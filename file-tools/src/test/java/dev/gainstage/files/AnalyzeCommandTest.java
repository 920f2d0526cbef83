package dev.gainstage.files;

import static dev.gainstage.files.MeterCommandTest.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(boolean terminal, String... args) {
        return AnalyzeCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal);
    }

    private static Path mono(Path file, double dbfs, double seconds) throws IOException {
        int rate = 48_000;
        int frames = (int) (seconds * rate);
        float[] x = new float[frames];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        try (WavWriter w = new WavWriter(file, rate, 1, 24, false)) {
            w.write(x, frames);
        }
        return file;
    }

    @Test
    void sumsStereoAndMonoStemsSampleBySample() throws IOException {
        // Same 1 kHz phase in both: a -20 dBFS stereo stem plus a -20 dBFS mono stem peak at -13.98 dBFS.
        Path stereo = sine(dir.resolve("gtr.wav"), -20, 4, 24, false);
        Path mono = mono(dir.resolve("vox.wav"), -20, 2);
        MixAnalysis.Result r = MixAnalysis.analyze(
                List.of(stereo, mono), dev.gainstage.engine.metering.MeterOptions.defaults(), f -> {});
        assertEquals(2, r.sum().format().channels());
        assertEquals(4 * 48_000, r.sum().reading().frames(), "the sum is as long as the longest stem");
        assertEquals(-20 + 20 * Math.log10(2), r.sum().reading().maxSamplePeakDbfs(), 0.01);
        assertEquals(-20, r.stems().get(0).reading().maxSamplePeakDbfs(), 0.01);
        assertTrue(r.sum().series().size() >= 39, "a chart point every 100 ms");
    }

    @Test
    void findingsReportAndFilesAreWritten() throws IOException {
        Path hot = sine(dir.resolve("drums.wav"), -3, 5, 24, false);
        Path quiet = sine(dir.resolve("pad <soft>.wav"), -25, 5, 24, false);
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        assertEquals(
                0, run(false, hot.toString(), quiet.toString(), "--html", html.toString(), "--json", json.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        // The live rules' words (RuleWording), the stem's file as the track
        assertTrue(
                text.contains("SOURCE_TOO_HOT (-3.0 dBFS vs -6.0 dBFS): " + hot
                        + " \u25B8 Source peaks at -3.0 dBFS (above -6.0 dBFS). Lower Trim by 6.0 dB to peak near"
                        + " -9.0 dBFS\n"),
                text);
        assertTrue(
                text.contains("SOURCE_TOO_QUIET (-25.0 dBFS vs -18.0 dBFS): " + quiet
                        + " \u25B8 Source peaks at only -25.0 dBFS (below -18.0 dBFS). Raise Trim by 16.0 dB"),
                text);
        // -3 and -25 dBFS in phase sum to -2.27 dBFS: inside the -3 dB headroom
        assertTrue(text.contains("MASTER_LOW_HEADROOM (-2.3 dBFS vs -3.0 dBFS): sum peaks at -2.3 dBFS"), text);

        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(3, page.split("<svg", -1).length - 1, "a chart per stem and one for the sum");
        assertTrue(page.contains("<style>") && page.contains("<polyline"));
        assertFalse(
                page.contains("http") || page.contains("<script") || page.contains("src=") || page.contains("<link"),
                "self-contained, no external references");
        assertTrue(page.contains("pad &lt;soft&gt;.wav") && !page.contains("<soft>"), "names are escaped");
        assertTrue(page.contains("MASTER_LOW_HEADROOM"));

        String doc = Files.readString(json);
        assertTrue(doc.startsWith("{\"stems\": [{\"file\": \"" + hot + "\""), doc);
        assertTrue(doc.contains("\"sum\": {\"file\": \"sum\""), doc);
        assertTrue(doc.contains("\"rule\": \"SOURCE_TOO_HOT\"") && doc.contains("\"fixDb\": -6"), doc);
        assertTrue(doc.contains("\"advice\": \"Lower Trim by 6.0 dB to peak near -9.0 dBFS\""), doc);
    }

    @Test
    void overFullScaleSumAndClippingStem() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -1, 4, 32, true);
        Path b = sine(dir.resolve("b.wav"), -2, 4, 32, true);
        assertEquals(0, run(false, a.toString(), b.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("MASTER_OVER_0DBFS (4.5 dBFS vs 0.0 dBFS): sum peaks at 4.5 dBFS"), text);
        assertTrue(
                text.contains("Lower the faders of the strips that make sum loud (" + a + ", " + b + ") by 10.5 dB"),
                text);
        assertFalse(text.contains("MASTER_LOW_HEADROOM"), "over 0 dBFS is reported once, as the worse problem");
    }

    @Test
    void aClippedStemIsClippingNotAlsoTooHot() throws IOException {
        // +3 dBFS into 24-bit integer: every crest is cut at full scale, as a clipped recording is.
        Path clipped = sine(dir.resolve("clipped.wav"), 3, 4, 24, false);
        Path fine = sine(dir.resolve("fine.wav"), -30, 4, 24, false);
        assertEquals(0, run(false, clipped.toString(), fine.toString()));
        List<String> clippedRules = out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains(clipped.toString()) && l.contains("SOURCE_"))
                .map(l -> l.replaceAll(".*(SOURCE_[A-Z_]+).*", "$1"))
                .toList();
        assertEquals(List.of("SOURCE_CLIPPING"), clippedRules, "live, clipping and too hot exclude each other");
    }

    @Test
    void aStemIsJudgedOnTheWholeFileNotOnItsLastSeconds() throws IOException {
        // 2 s at -3 dBFS, then 5 s of digital silence: the meter's recent 3 s window at the end holds nothing.
        int rate = 48_000;
        float[] x = new float[7 * rate];
        double a = Math.pow(10, -3 / 20.0);
        for (int i = 0; i < 2 * rate; i++) {
            x[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        Path stem = dir.resolve("intro.wav");
        try (WavWriter w = new WavWriter(stem, rate, 1, 24, false)) {
            w.write(x, x.length);
        }
        assertEquals(0, run(false, stem.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("SOURCE_TOO_HOT (-3.0 dBFS vs -6.0 dBFS)"), text);
    }

    @Test
    void progressIsABarOnATerminalAndLinesOtherwise() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -12, 3, 16, false);
        assertEquals(0, run(false, a.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("analyze: 0%\nanalyze: 10%\n"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("analyze: 100%\n"));
        err.reset();
        assertEquals(0, run(true, a.toString()));
        String bar = err.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("\ranalyze [") && bar.endsWith("] 100%\n"), bar);
    }

    @Test
    void mismatchedRatesAndUsageErrors() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -12, 1, 16, false);
        Path b = dir.resolve("b.wav");
        try (WavWriter w = new WavWriter(b, 44_100, 2, 16, false)) {
            w.write(new float[200], 100);
        }
        assertEquals(1, run(false, a.toString(), b.toString()));
        assertTrue(
                err.toString(StandardCharsets.UTF_8)
                        .contains("analyze: " + b + ": sample rate 44100 Hz differs from " + a + " (48000 Hz)"),
                err.toString());
        err.reset();
        assertEquals(2, run(false, a.toString(), "--html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--html needs a FILE"));
        assertEquals(2, run(false, "--pdf", "x", a.toString()));
        assertEquals(2, run(false));
    }
}
