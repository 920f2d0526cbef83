package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavReaderTest {
    @TempDir
    Path dir;

    private static final float[] SAMPLES = {0f, 0.5f, -0.5f, 0.25f, -1f, 0.999f, 0.125f, -0.125f};

    @ParameterizedTest
    @CsvSource({"16, false, 0.0001", "24, false, 0.0000002", "32, false, 0.000000001", "32, true, 0", "64, true, 0"})
    void readsPcmAndFloatFilesItWrote(int bits, boolean floatingPoint, double tolerance) throws IOException {
        Path file = dir.resolve("t.wav");
        try (WavWriter w = new WavWriter(file, 44_100, 2, bits, floatingPoint)) {
            w.write(SAMPLES, 4);
        }
        try (WavReader r = WavReader.open(file)) {
            assertEquals(new AudioFormat(44_100, 2, bits, floatingPoint, 4), r.format());
            float[] out = new float[r.blockFrames() * 2];
            assertEquals(4, r.read(out));
            for (int i = 0; i < SAMPLES.length; i++) {
                assertEquals(SAMPLES[i], out[i], tolerance, "sample " + i);
            }
            assertEquals(0, r.read(out));
        }
    }

    @Test
    void floatAboveFullScaleIsKept() throws IOException {
        Path file = dir.resolve("hot.wav");
        try (WavWriter w = new WavWriter(file, 48_000, 1, 32, true)) {
            w.write(new float[] {2.5f, -3f}, 2);
        }
        try (WavReader r = WavReader.open(file)) {
            float[] out = new float[r.blockFrames()];
            r.read(out);
            assertEquals(2.5f, out[0]);
            assertEquals(-3f, out[1]);
        }
    }

    @Test
    void readsExtensibleWithOtherChunksAndOddPadding() throws IOException {
        ByteBuffer fmt = le(40).putShort((short) 0xFFFE)
                .putShort((short) 1)
                .putInt(48_000)
                .putInt(48_000 * 3)
                .putShort((short) 3)
                .putShort((short) 24)
                .putShort((short) 22)
                .putShort((short) 24)
                .putInt(4)
                .putShort((short) 1)
                .put(new byte[14]); // KSDATAFORMAT_SUBTYPE_PCM
        ByteBuffer data = le(6).put((byte) 0)
                .put((byte) 0)
                .put((byte) 0x40) // 0x400000 = 0.5
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0xC0); // -0.5
        Path file = write(
                "ext.wav",
                chunk("fmt ", fmt.array()),
                chunk("bext", new byte[3]),
                chunk("data", data.array()),
                chunk("LIST", new byte[10]));
        try (WavReader r = WavReader.open(file)) {
            assertEquals(new AudioFormat(48_000, 1, 24, false, 2), r.format());
            float[] out = new float[r.blockFrames()];
            assertEquals(2, r.read(out));
            assertArrayEquals(new float[] {0.5f, -0.5f}, new float[] {out[0], out[1]});
        }
    }

    @Test
    void truncatedDataChunkIsReportedWithSizes() throws IOException {
        byte[] bytes = silence(dir.resolve("kick.wav"), 2, 1000);
        Path cut = dir.resolve("kick-cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(bytes, 44 + 1000));
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.open(cut));
        assertEquals(cut + ": data chunk declares 4000 bytes but the file ends after 1000", e.getMessage());
    }

    @Test
    void unsupportedAndBrokenFilesAreNamedWithTheProblem() throws IOException {
        byte[] alaw = fmt16(6, 1, 8000, 1, 8);
        Path a = write("alaw.wav", chunk("fmt ", alaw), chunk("data", new byte[4]));
        assertMessage(a, "unsupported WAV encoding (format tag 0x6)");
        byte[] pcm12 = fmt16(1, 1, 8000, 2, 12);
        assertMessage(write("p12.wav", chunk("fmt ", pcm12), chunk("data", new byte[4])), "unsupported 12-bit PCM");
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "these are not samples at all");
        assertMessage(text, "not a RIFF/WAVE file");
        assertMessage(dir.resolve("missing.wav"), "no such file");
        assertMessage(write("nodata.wav", chunk("fmt ", pcm16mono())), "no data chunk");
    }

    @Test
    void aCorruptSampleRateIsNamedAsSuch() throws IOException {
        Path file = dir.resolve("rate.wav");
        byte[] bytes = silence(file, 1, 100);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, (int) 4_000_000_000L);
        Files.write(file, bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.open(file));
        assertEquals(file + ": corrupt header: sample rate 4000000000 Hz is outside 1..768000 Hz", e.getMessage());
    }

    @Test
    void headerFieldsAreCheckedAgainstTheirRanges() throws IOException {
        byte[] wide = fmt16(1, 40, 48_000, 80, 16);
        assertMessage(
                write("wide.wav", chunk("fmt ", wide), chunk("data", new byte[80])),
                "corrupt header: 40 channels is outside 1..32");
        byte[] align = fmt16(1, 2, 48_000, 3, 16);
        assertMessage(
                write("align.wav", chunk("fmt ", align), chunk("data", new byte[8])),
                "corrupt header: block align 3 bytes, but 2 channels of 16-bit samples take 4");
    }

    @Test
    void directoriesAndEmptyFilesAreNamedAsSuch() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("stems.wav"));
        assertMessage(folder, "is a directory, not a WAV file");
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertMessage(empty, "empty file (0 bytes), not a WAV file");
    }

    private void assertMessage(Path file, String fragment) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.open(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void streamsInBlocksNotTheWholeFile() throws IOException {
        Path file = dir.resolve("long.wav");
        int frames = 1_000_000;
        try (WavWriter w = new WavWriter(file, 48_000, 1, 16, false)) {
            float[] block = new float[10_000];
            for (int i = 0; i < frames / block.length; i++) {
                java.util.Arrays.fill(block, (i % 10) / 10f);
                w.write(block, block.length);
            }
        }
        try (WavReader r = WavReader.open(file)) {
            assertTrue(r.blockFrames() < frames, "block of " + r.blockFrames() + " frames");
            float[] out = new float[r.blockFrames()];
            long total = 0;
            for (int n; (n = r.read(out)) > 0; ) {
                total += n;
            }
            assertEquals(frames, total);
        }
    }

    /** The bytes of a 48 kHz 16-bit file of {@code frames} of silence, written to {@code file}. */
    private static byte[] silence(Path file, int channels, int frames) throws IOException {
        try (WavWriter w = new WavWriter(file, 48_000, channels, 16, false)) {
            w.write(new float[frames * channels], frames);
        }
        return Files.readAllBytes(file);
    }

    private static byte[] pcm16mono() {
        return fmt16(1, 1, 8000, 2, 16);
    }

    /** A 16-byte fmt chunk body; the byte rate follows from the rest. */
    private static byte[] fmt16(int tag, int channels, int rate, int blockAlign, int bits) {
        return le(16).putShort((short) tag)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) bits)
                .array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = le(8 + body.length + (body.length & 1));
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    private Path write(String name, byte[]... chunks) throws IOException {
        int size = 4;
        for (byte[] c : chunks) {
            size += c.length;
        }
        ByteBuffer b = le(8 + size);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            b.put(c);
        }
        Path file = dir.resolve(name);
        Files.write(file, b.array());
        return file;
    }
}
