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
        return mono(file, 48_000, dbfs, seconds, seconds);
    }

    /** A mono 1 kHz sine at {@code dbfs} for {@code signal} seconds, then silence up to {@code seconds}. */
    static Path mono(Path file, int rate, double dbfs, double signal, double seconds) throws IOException {
        int frames = (int) Math.round(seconds * rate);
        float[] x = new float[frames];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < Math.round(signal * rate); i++) {
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
    void unreadableStemsAreReportedAndTheOthersAnalysed() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -12, 3, 24, false);
        Path truncated = dir.resolve("truncated.wav");
        byte[] whole = Files.readAllBytes(sine(dir.resolve("whole.wav"), -12, 1, 16, false));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path folder = Files.createDirectory(dir.resolve("takes"));
        Path missing = dir.resolve("missing.wav");
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples at all");
        Path rate = dir.resolve("rate.wav");
        byte[] corrupt = whole.clone();
        java.nio.ByteBuffer.wrap(corrupt)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(24, (int) 4_000_000_000L);
        Files.write(rate, corrupt);
        Path b = sine(dir.resolve("b.wav"), -20, 3, 16, false);
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");
        List<Path> bad = List.of(truncated, folder, missing, empty, text, rate);
        List<String> args = new java.util.ArrayList<>(List.of(a.toString()));
        bad.forEach(p -> args.add(p.toString()));
        args.addAll(List.of(b.toString(), "--html", html.toString(), "--json", json.toString()));

        assertEquals(1, run(false, args.toArray(String[]::new)), "some stems were not read");
        String report = out.toString(StandardCharsets.UTF_8);
        List<String> notRead =
                report.lines().filter(l -> l.startsWith("not read: ")).toList();
        assertEquals(
                List.of(
                        "not read: " + truncated + ": data chunk declares 192000 bytes but the file ends after 95978",
                        "not read: " + folder + ": is a directory, not an audio file",
                        "not read: " + missing + ": no such file",
                        "not read: " + empty + ": empty file (0 bytes), not a WAV file",
                        "not read: " + text + ": not a RIFF/WAVE file",
                        "not read: " + rate + ": corrupt header: sample rate 4000000000 Hz is outside 1..768000 Hz"),
                notRead);
        assertTrue(report.lines().anyMatch(l -> l.startsWith(a + " ")), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith(b + " ")), report);
        // the sum of the two stems that were read: -12 and -20 dBFS in phase peak at -9.09 dBFS
        assertTrue(report.lines().anyMatch(l -> l.matches("sum +48000 +2 +3\\.0 +-9\\.1 .*")), report);
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("analyze: 6 of 8 stems not read\n"), err.toString());

        String doc = Files.readString(json);
        assertTrue(
                doc.contains("{\"file\": \"" + folder + "\", \"error\": \"" + folder
                        + ": is a directory, not an audio file\"}"),
                doc);
        assertTrue(
                doc.indexOf("\"file\": \"" + a + "\"") < doc.indexOf("\"file\": \"" + truncated + "\"")
                        && doc.indexOf("\"file\": \"" + rate + "\"") < doc.indexOf("\"file\": \"" + b + "\""),
                "stems in argument order: " + doc);
        String page = Files.readString(html);
        assertTrue(page.contains("not read: " + missing + ": no such file"), page);
    }

    @Test
    void aStemTheMeterRefusesIsDroppedAndTheMixReadAgainWithoutIt() throws IOException {
        // A valid header the meter cannot take (below 8 kHz): found once the mix is set up, so it is read again.
        Path low = mono(dir.resolve("phone.wav"), 4_000, -20, 2, 2);
        Path a = mono(dir.resolve("a.wav"), 48_000, -20, 2, 2);
        Path b = mono(dir.resolve("b.wav"), 48_000, -20, 2, 2);
        assertEquals(1, run(false, a.toString(), low.toString(), b.toString()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                report.contains("not read: " + low + ": sample rate must be within 8000..768000 Hz, got 4000\n"),
                report);
        assertTrue(report.lines().anyMatch(l -> l.matches("sum +48000 +1 +2\\.0 +-14\\.0 .*")), report);
        assertFalse(report.contains("resampled"), "4 kHz did not count towards the sum's rate: " + report);
    }

    @Test
    void aStemThatCannotBeSummedIsJudgedAloneAndLeftOutOfTheSum() throws IOException {
        Path stereo = sine(dir.resolve("gtr.wav"), -20, 2, 24, false);
        Path keys = sine(dir.resolve("keys.wav"), -20, 2, 24, false);
        Path three = dir.resolve("lcr.wav");
        try (WavWriter w = new WavWriter(three, 48_000, 3, 16, false)) {
            float[] x = new float[3 * 96_000];
            java.util.Arrays.fill(x, 0.5f);
            w.write(x, 96_000);
        }
        assertEquals(0, run(false, stereo.toString(), three.toString(), keys.toString()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                report.contains("left out of the sum: " + three
                        + ": 3 channels cannot be summed into a 2-channel mix (only mono or 2-channel stems)\n"),
                report);
        // the two stereo stems, in phase: -13.98 dBFS
        assertTrue(report.lines().anyMatch(l -> l.matches("sum +48000 +2 +2\\.0 +-14\\.0 .*")), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith(three + " ") && l.contains(" -6.0 ")), report);
    }

    @Test
    void stemsOfMixedRatesAreJudgedAtTheirOwnRateAndResampledForTheSum() throws IOException {
        // 1 kHz sines that start in phase: resampled without delay, they still add up in phase.
        Path a = mono(dir.resolve("a44.wav"), 44_100, -20, 3, 3);
        Path b = mono(dir.resolve("b48.wav"), 48_000, -20, 3, 3);
        Path c = mono(dir.resolve("c48.wav"), 48_000, -40, 3, 3);
        MixAnalysis.Result r =
                MixAnalysis.analyze(List.of(a, b, c), dev.gainstage.engine.metering.MeterOptions.defaults(), f -> {});
        assertEquals(48_000, r.sum().format().sampleRate(), "the most common rate");
        assertEquals(3 * 48_000, r.sum().reading().frames());
        assertEquals(20 * Math.log10(0.1 + 0.1 + 0.01), r.sum().reading().maxSamplePeakDbfs(), 0.05);
        assertEquals(-20 - 3.01, r.sum().reading().overallRmsDbfs() - 20 * Math.log10(2.1), 0.05);
        TrackAnalysis own = r.stems().get(0);
        assertEquals(44_100, own.format().sampleRate());
        assertEquals(3 * 44_100, own.reading().frames(), "judged at its own rate, on its own samples");
        assertEquals(-20, own.reading().maxSamplePeakDbfs(), 0.01);

        assertEquals(0, run(false, a.toString(), b.toString(), c.toString()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("resampled for the sum: " + a + " (44100 Hz to 48000 Hz)\n"), report);
        assertFalse(report.contains("resampled for the sum: " + b), report);
    }

    @Test
    void aTieOfRatesSumsAtTheHighest() throws IOException {
        Path a = mono(dir.resolve("a48.wav"), 48_000, -20, 2, 2);
        Path b = mono(dir.resolve("b44.wav"), 44_100, -20, 2, 2);
        Path json = dir.resolve("r.json");
        assertEquals(0, run(false, a.toString(), b.toString(), "--json", json.toString()));
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"sum\": {\"file\": \"sum\", \"sampleRate\": 48000"), doc);
        assertTrue(doc.contains("\"sampleRate\": 44100"), doc);
        assertTrue(doc.contains("\"sumNote\": \"resampled for the sum: " + b + " (44100 Hz to 48000 Hz)\""), doc);
    }

    @Test
    void stemsTheRulesCannotJudgeYetSaySo() throws IOException {
        Path shortHit = mono(dir.resolve("hit.wav"), 48_000, -30, 1.2, 5);
        Path silent = mono(dir.resolve("silent.wav"), 48_000, Double.NEGATIVE_INFINITY, 0, 5);
        Path pad = mono(dir.resolve("pad.wav"), 48_000, -30, 5, 5);
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        assertEquals(
                0,
                run(
                        false,
                        shortHit.toString(),
                        silent.toString(),
                        pad.toString(),
                        "--json",
                        json.toString(),
                        "--html",
                        html.toString()));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                report.contains(
                        shortHit
                                + ": not judged for SOURCE_TOO_QUIET: 1.2 s of signal, 1 event (judged after 3 s or 4 events)\n"),
                report);
        assertTrue(
                report.contains(silent + ": not judged for SOURCE_CLIPPING, SOURCE_TOO_HOT, SOURCE_TOO_QUIET:"
                        + " silent (peaks below -80.0 dBFS)\n"),
                report);
        assertFalse(report.contains("SOURCE_TOO_QUIET (-30.0 dBFS vs -18.0 dBFS): " + shortHit), report);
        assertTrue(report.contains("SOURCE_TOO_QUIET (-30.0 dBFS vs -18.0 dBFS): " + pad), "judged: " + report);
        assertFalse(report.contains(pad + ": not judged"), report);
        assertTrue(
                Files.readString(json)
                        .contains("\"notJudged\": [{\"rules\": [\"SOURCE_TOO_QUIET\"], \"reason\": \"1.2 s of"
                                + " signal, 1 event (judged after 3 s or 4 events)\"}]"),
                Files.readString(json));
        assertTrue(Files.readString(html).contains(shortHit + ": not judged for SOURCE_TOO_QUIET"));
    }

    @Test
    void usageErrors() throws IOException {
        Path a = sine(dir.resolve("a.wav"), -12, 1, 16, false);
        assertEquals(2, run(false, a.toString(), "--html"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--html needs a FILE"));
        assertEquals(2, run(false, "--pdf", "x", a.toString()));
        assertEquals(2, run(false));
    }
}
