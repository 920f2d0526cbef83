package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * meter and analyze on FLAC, AIFF, Ogg Vorbis, Opus and MP3, each made at test time from one WAV by sox, flac or
 * ffmpeg (scripts/test installs them) and read through libsndfile, cross-checked against that WAV: the lossless
 * formats give the WAV's samples exactly, the lossy ones its loudness and true peak within what their codecs
 * change. And the one-line errors for what is not audio.
 */
class AudioFormatsTest {
    /** Lossy codecs at these rates move a mix's loudness and peaks by a few tenths of a dB. */
    private static final double LOSSY_DB = 0.5;

    @TempDir
    static Path dir;

    private static Path wav;

    @BeforeAll
    static void makeTheWav() throws IOException {
        // A 6 s stereo mix of two tones and noise at 48 kHz, 24-bit: loud enough that every codec keeps it.
        int rate = 48_000;
        int frames = rate * 6;
        Random random = new Random(17);
        float[] x = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double a = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 1_250 * t);
            x[2 * i] = (float) (a + 0.05 * random.nextGaussian());
            x[2 * i + 1] = (float) (0.8 * a + 0.05 * random.nextGaussian());
        }
        wav = dir.resolve("mix.wav");
        try (WavWriter w = new WavWriter(wav, rate, 2, 24, false)) {
            w.write(x, frames);
        }
    }

    /** Runs a converter; a missing tool or a failed conversion fails the test, naming it. */
    private static Path make(String name, String... command) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(Arrays.asList(command));
        cmd.replaceAll(a -> a.replace("IN", wav.toString()).replace("OUT", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " timed out");
        assertEquals(0, p.exitValue(), command[0] + " failed: " + log);
        return out;
    }

    private static Path ffmpeg(String name, String codec, String bitrate) throws Exception {
        return make(name, "ffmpeg", "-loglevel", "error", "-y", "-i", "IN", "-c:a", codec, "-b:a", bitrate, "OUT");
    }

    private static Path flac() throws Exception {
        return make("mix.flac", "flac", "-s", "-f", "-o", "OUT", "IN");
    }

    private static MeterReading meter(Path file) throws IOException {
        return FileMeter.measure(file, MeterOptions.defaults()).reading();
    }

    /** Every sample of a reader, in order. */
    private static float[] samples(Path file) throws IOException {
        try (AudioSource source = AudioFiles.open(file)) {
            float[] block = new float[source.blockFrames() * source.format().channels()];
            float[] all = new float[0];
            int length = 0;
            for (int got; (got = source.read(block)) > 0; ) {
                int n = got * source.format().channels();
                all = Arrays.copyOf(all, length + n);
                System.arraycopy(block, 0, all, length, n);
                length += n;
            }
            return all;
        }
    }

    @Test
    void flacAiffAndRf64GiveTheWavsSamplesAndFigures() throws Exception {
        Path aiff = make("mix.aiff", "sox", "IN", "OUT");
        // RF64 (64-bit WAV, here with a .wav name) is libsndfile's to read, not the WAV reader's
        Path rf64 = make(
                "mix-rf64.wav",
                "ffmpeg",
                "-loglevel",
                "error",
                "-y",
                "-i",
                "IN",
                "-c:a",
                "pcm_s24le",
                "-rf64",
                "always",
                "OUT");
        float[] expected = samples(wav);
        MeterReading fromWav = meter(wav);
        for (Path lossless : List.of(flac(), aiff, rf64)) {
            try (AudioSource s = AudioFiles.open(lossless)) {
                assertTrue(s instanceof SndfileReader, lossless + " is read by libsndfile");
                assertEquals(new AudioFormat(48_000, 2, 24, false, 6 * 48_000), s.format());
            }
            assertArrayEquals(expected, samples(lossless), lossless.toString());
            MeterReading r = meter(lossless);
            assertEquals(fromWav.integratedLufs(), r.integratedLufs(), 1e-9, lossless + " loudness");
            assertEquals(fromWav.maxTruePeakDbtp(), r.maxTruePeakDbtp(), 1e-9, lossless + " true peak");
            assertEquals(fromWav.frames(), r.frames());
        }
    }

    @Test
    void lossyFilesMeterAsTheirWavWithinTheCodecsChange() throws Exception {
        MeterReading fromWav = meter(wav);
        List<Path> lossy = List.of(
                make("mix.ogg", "sox", "IN", "-C", "6", "OUT"),
                ffmpeg("mix.opus", "libopus", "160k"),
                ffmpeg("mix.mp3", "libmp3lame", "256k"));
        for (Path file : lossy) {
            MeterReading r = meter(file);
            assertEquals(fromWav.integratedLufs(), r.integratedLufs(), LOSSY_DB, file + " loudness");
            assertEquals(fromWav.maxTruePeakDbtp(), r.maxTruePeakDbtp(), LOSSY_DB, file + " true peak");
            // codec delay and padding: a few thousand frames at most
            assertEquals(fromWav.seconds(), r.seconds(), 0.1, file + " length");
        }
    }

    @Test
    void analyzeMixesAFlacStemWithAWavStem() throws Exception {
        Path flac = flac();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(
                new String[] {wav.toString(), flac.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        MixAnalysis.Result result = MixAnalysis.analyze(List.of(wav, flac), MeterOptions.defaults(), f -> {});
        double stem = result.stems().get(0).reading().integratedLufs();
        assertEquals(stem, result.stems().get(1).reading().integratedLufs(), 1e-9);
        // the same audio twice: the sum is 6 dB louder than either stem
        assertEquals(stem + 20 * Math.log10(2), result.sum().reading().integratedLufs(), 0.01);
    }

    private static String meterError(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MeterCommand.run(
                new String[] {file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8).replaceAll("(?m)^FILE .*\n", ""));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), "one line: " + e);
        return e.strip();
    }

    @Test
    void aDirectoryATextFileATruncatedFlacAndACorruptRateEachGetOneClearLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("stems"));
        assertEquals("meter: " + folder + ": is a directory, not an audio file", meterError(folder));

        Path text = Files.writeString(dir.resolve("notes.txt"), "these are not samples\n".repeat(20));
        assertEquals("meter: " + text + ": not an audio file (libsndfile: Format not recognised)", meterError(text));

        byte[] whole = Files.readAllBytes(flac());
        Path truncated = Files.write(dir.resolve("truncated.flac"), Arrays.copyOf(whole, whole.length / 3));
        String cut = meterError(truncated);
        assertTrue(
                cut.matches("meter: " + truncated
                                + ": decoding failed after \\d+ of 288000 frames \\(libsndfile: .+\\)")
                        || cut.matches("meter: " + truncated
                                + ": file ended while reading audio data \\(\\d+ of 288000 frames read\\)"),
                cut);

        byte[] header = Files.readAllBytes(wav);
        java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, -294_967_296);
        Path rate = Files.write(dir.resolve("rate.wav"), header);
        assertEquals(
                "meter: " + rate + ": corrupt header: sample rate 4000000000 Hz is outside 1..768000 Hz",
                meterError(rate));
    }

    @Test
    void withoutLibsndfileTheErrorSaysHowToInstallIt() {
        Libsndfile.Missing e =
                assertThrows(Libsndfile.Missing.class, () -> Libsndfile.Holder.load("libgainstage-absent.so.1"));
        assertEquals(
                "reading formats other than WAV needs libsndfile (libgainstage-absent.so.1 could not be loaded): "
                        + "install libsndfile1 (apt install libsndfile1)",
                e.getMessage());
    }

    /** A fresh JVM meters a WAV without loading one JNA class: the WAV path stays dependency-free. */
    @Test
    void meteringAWavLoadsNoJna() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-verbose:class",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "meter",
                        wav.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("dev.gainstage.files.WavReader"), "the class log is there");
        assertFalse(log.contains("com.sun.jna"), "JNA was loaded for a WAV");
        assertFalse(log.contains("dev.gainstage.files.SndfileReader"), "the libsndfile reader was loaded for a WAV");
    }
}
