package dev.gainstage.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams RIFF/WAVE audio as interleaved floats in blocks, never holding the file in memory.
 * Reads PCM 8/16/24/32-bit integers, IEEE float 32/64 and WAVE_FORMAT_EXTENSIBLE with either
 * sub-format. Integers are scaled so full scale is 1.0; floats are passed through unchanged, so
 * values above 1.0 stay above 1.0. Problems are reported as {@link AudioFileException}s naming the file.
 *
 * <p>Just over 300 lines: one small conversion loop per sample format (so the JIT compiles only the one a file
 * uses, see {@link #convert}) and the header parser that checks every field the loops trust.
 */
public final class WavReader implements AudioSource {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes asked of the file at a time: large reads keep the metering loop, not I/O, the bottleneck. */
    private static final int READ_BYTES = 1 << 20;
    /** The highest rate a recording has (DXD x 2); above it a header field is garbage, not a format. */
    static final int MAX_SAMPLE_RATE = 768_000;
    /** More channels than any stem has: a larger count is a damaged header, and would size huge buffers. */
    static final int MAX_CHANNELS = 32;

    private final String name;
    private final FileChannel channel;
    private final AudioFormat format;
    private final ByteBuffer raw;
    /** 16-bit samples of the block being converted; made on first use. */
    private short[] shorts;

    private long framesLeft;

    private WavReader(String name, FileChannel channel, AudioFormat format, int blockFrames) {
        this.name = name;
        this.channel = channel;
        this.format = format;
        this.framesLeft = format.frames();
        // Direct: the channel reads into it without first reading into a buffer of its own.
        this.raw =
                ByteBuffer.allocateDirect(blockFrames * format.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Opens {@code file} and parses its header; the name in messages is the path as given. */
    public static WavReader open(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new AudioFileException(name, "is a directory, not a WAV file");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new AudioFileException(name, "permission denied");
        } catch (IOException e) {
            throw new AudioFileException(name, "cannot be opened (" + e.getMessage() + ")");
        }
        try {
            AudioFormat format = new HeaderParser(name, channel).parse();
            int blockFrames = Math.max(1, READ_BYTES / format.bytesPerFrame());
            return new WavReader(name, channel, format, blockFrames);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public int blockFrames() {
        return raw.capacity() / format.bytesPerFrame();
    }

    @Override
    public int read(float[] out, int maxFrames) throws IOException {
        int frames = (int) Math.min(Math.min(maxFrames, blockFrames()), framesLeft);
        if (frames == 0) {
            return 0;
        }
        raw.clear().limit(frames * format.bytesPerFrame());
        while (raw.hasRemaining()) {
            if (channel.read(raw) < 0) {
                throw new AudioFileException(
                        name,
                        "file ended while reading audio data (" + (format.frames() - framesLeft) + " of "
                                + format.frames() + " frames read)");
            }
        }
        convert(frames * format.channels(), out);
        framesLeft -= frames;
        return frames;
    }

    /**
     * One method per sample format: the JIT compiles only the loop a file uses, and compiles it
     * small (one method with every format's loop took 30 ms of the optimising compiler in a cold run).
     */
    private void convert(int samples, float[] out) {
        ByteBuffer b = raw.rewind();
        switch (format.bitsPerSample() * (format.floatingPoint() ? -1 : 1)) {
            case 8 -> convert8(b, samples, out);
            case 16 -> {
                if (shorts == null) {
                    shorts = new short[raw.capacity() / 2];
                }
                b.asShortBuffer().get(shorts, 0, samples); // the view keeps the little-endian order
                convert16(shorts, samples, out);
            }
            case 24 -> convert24(b, samples, out);
            case 32 -> convert32(b, samples, out);
            case -32 -> convertFloat(b, samples, out);
            case -64 -> convertDouble(b, samples, out);
            default -> throw new IllegalStateException("unchecked format " + format.describe());
        }
    }

    private static void convert8(ByteBuffer b, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = ((b.get(i) & 0xFF) - 128) * (1f / 128);
        }
    }

    /**
     * From shorts bulk-copied out of the block, in a loop the JIT vectorises: a cold 300 s file
     * decodes in 25 ms, 32 with a getShort per sample.
     */
    private static void convert16(short[] in, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = in[i] * (1f / 32768);
        }
    }

    private static void convert24(ByteBuffer b, int samples, float[] out) {
        for (int i = 0, j = 0; i < samples; i++, j += 3) {
            int v = (b.get(j) & 0xFF) | (b.get(j + 1) & 0xFF) << 8 | b.get(j + 2) << 16;
            out[i] = v * (1f / 8388608);
        }
    }

    private static void convert32(ByteBuffer b, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (b.getInt(4 * i) * (1.0 / 2147483648.0));
        }
    }

    private static void convertFloat(ByteBuffer b, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = b.getFloat(4 * i);
        }
    }

    private static void convertDouble(ByteBuffer b, int samples, float[] out) {
        for (int i = 0; i < samples; i++) {
            out[i] = (float) b.getDouble(8 * i);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Walks the RIFF chunks up to the data chunk; rejects what this reader cannot read, saying why. */
    private static final class HeaderParser {
        private final String name;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);

        HeaderParser(String name, FileChannel channel) {
            this.name = name;
            this.channel = channel;
        }

        AudioFormat parse() throws IOException {
            long size = channel.size();
            if (size == 0) {
                throw new AudioFileException(name, "empty file (0 bytes), not a WAV file");
            }
            if (size < 12) {
                throw new AudioFileException(name, "not a WAV file (only " + size + " bytes)");
            }
            ByteBuffer riff = read(12);
            String id = fourCc(riff, 0);
            if (id.equals("RF64") || id.equals("BW64")) {
                throw new AudioFileException(name, "unsupported " + id + " (64-bit WAV) file");
            }
            if (!id.equals("RIFF") || !fourCc(riff, 8).equals("WAVE")) {
                throw new AudioFileException(name, "not a RIFF/WAVE file");
            }
            int[] fmt = null;
            while (true) {
                long at = channel.position();
                if (at + 8 > size) {
                    throw new AudioFileException(name, fmt == null ? "no fmt chunk" : "no data chunk");
                }
                ByteBuffer header = read(8);
                String chunk = fourCc(header, 0);
                long chunkSize = Integer.toUnsignedLong(header.getInt(4));
                if (chunk.equals("fmt ")) {
                    if (chunkSize < 16 || at + 8 + chunkSize > size) {
                        throw new AudioFileException(name, "fmt chunk is truncated");
                    }
                    fmt = parseFormat(read((int) Math.min(chunkSize, 40)));
                } else if (chunk.equals("data")) {
                    if (fmt == null) {
                        throw new AudioFileException(name, "data chunk comes before the fmt chunk");
                    }
                    long available = size - (at + 8);
                    if (chunkSize > available) {
                        throw new AudioFileException(
                                name,
                                "data chunk declares " + chunkSize + " bytes but the file ends after " + available);
                    }
                    int bytesPerFrame = fmt[1] * (fmt[2] / 8);
                    return new AudioFormat(fmt[0], fmt[1], fmt[2], fmt[3] == FORMAT_FLOAT, chunkSize / bytesPerFrame);
                }
                channel.position(at + 8 + chunkSize + (chunkSize & 1)); // chunks are padded to even sizes
            }
        }

        /** Returns {sampleRate, channels, bits, PCM or FLOAT}. */
        private int[] parseFormat(ByteBuffer f) throws AudioFileException {
            int tag = Short.toUnsignedInt(f.getShort(0));
            int channels = Short.toUnsignedInt(f.getShort(2));
            long sampleRate = Integer.toUnsignedLong(f.getInt(4));
            int blockAlign = Short.toUnsignedInt(f.getShort(12));
            int bits = Short.toUnsignedInt(f.getShort(14));
            if (tag == FORMAT_EXTENSIBLE) {
                if (f.limit() < 26) {
                    throw new AudioFileException(name, "WAVE_FORMAT_EXTENSIBLE fmt chunk is too short");
                }
                tag = Short.toUnsignedInt(f.getShort(24)); // first two bytes of the sub-format GUID
            }
            if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
                throw new AudioFileException(
                        name,
                        "unsupported WAV encoding (format tag 0x" + Integer.toHexString(tag)
                                + "); only PCM and IEEE float are read");
            }
            boolean ok =
                    tag == FORMAT_PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32 || bits == 64;
            if (!ok) {
                throw new AudioFileException(
                        name, "unsupported " + bits + "-bit " + (tag == FORMAT_PCM ? "PCM" : "float") + " samples");
            }
            if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
                throw corrupt("sample rate " + sampleRate + " Hz is outside 1.." + MAX_SAMPLE_RATE + " Hz");
            }
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw corrupt(channels + " channels is outside 1.." + MAX_CHANNELS);
            }
            if (blockAlign != channels * bits / 8) {
                throw corrupt("block align " + blockAlign + " bytes, but " + channels + " channels of " + bits
                        + "-bit samples take " + channels * bits / 8);
            }
            return new int[] {(int) sampleRate, channels, bits, tag};
        }

        /** A header field no real file has: the header was damaged (or was never a WAV header). */
        private AudioFileException corrupt(String field) {
            return new AudioFileException(name, "corrupt header: " + field);
        }

        private ByteBuffer read(int n) throws IOException {
            buffer.clear().limit(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new AudioFileException(name, "file ends inside the header");
                }
            }
            return buffer.flip();
        }

        private static String fourCc(ByteBuffer b, int at) {
            char[] c = new char[4];
            for (int i = 0; i < 4; i++) {
                c[i] = (char) (b.get(at + i) & 0xFF);
            }
            return new String(c);
        }
    }
}
