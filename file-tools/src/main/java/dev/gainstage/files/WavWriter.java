package dev.gainstage.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a canonical WAV file (PCM 16/24/32-bit or IEEE float 32/64) from interleaved floats, for
 * test fixtures and the benchmark signal. Integers are rounded and saturated at full scale; floats
 * are written as they are. The header's sizes are patched on {@link #close()}.
 */
public final class WavWriter implements Closeable {
    private final Path file;
    private final int channels;
    private final int bits;
    private final boolean floatingPoint;
    private final OutputStream out;
    private final ByteBuffer buffer;
    private long dataBytes;

    public WavWriter(Path file, int sampleRate, int channels, int bits, boolean floatingPoint) throws IOException {
        this.file = file;
        this.channels = channels;
        this.bits = bits;
        this.floatingPoint = floatingPoint;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) (floatingPoint ? 3 : 1))
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0);
        out.write(h.array());
    }

    /** Appends {@code frames} interleaved frames. */
    public void write(float[] interleaved, int frames) throws IOException {
        for (int i = 0, n = frames * channels; i < n; i++) {
            if (buffer.remaining() < 8) {
                flushBuffer();
            }
            double v = interleaved[i];
            if (floatingPoint) {
                if (bits == 32) {
                    buffer.putFloat((float) v);
                } else {
                    buffer.putDouble(v);
                }
            } else {
                double scale = Math.pow(2, bits - 1);
                long q = Math.max((long) -scale, Math.min((long) scale - 1, Math.round(v * scale)));
                switch (bits) {
                    case 16 -> buffer.putShort((short) q);
                    case 24 -> buffer.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                    case 32 -> buffer.putInt((int) q);
                    default -> throw new IllegalArgumentException("unsupported PCM bits " + bits);
                }
            }
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        dataBytes += buffer.position();
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.write(size.putInt(0, (int) (36 + dataBytes)), 4);
            ch.write(size.putInt(0, (int) dataBytes).rewind(), 40);
        }
    }
}
