package dev.gainstage.files;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads FLAC, AIFF, Ogg Vorbis, Opus, MP3 (and whatever else libsndfile reads) as interleaved floats in blocks,
 * through {@link Libsndfile}. Integer samples come scaled to full scale 1.0 as {@link WavReader} scales them
 * (libsndfile's float normalisation divides by the same 2^(bits-1)), so a FLAC or AIFF meters as its WAV does.
 * One native buffer is read into and copied out of per block: nothing is allocated per read.
 */
final class SndfileReader implements AudioSource {
    /** Frames per read: a quarter second at 48 kHz, large enough that the native call costs nothing. */
    static final int BLOCK_FRAMES = 1 << 14;

    /** {@code sf_error(NULL)} reports the last failed open of any thread: opens take turns. */
    private static final Object OPEN_LOCK = new Object();

    private final String name;
    private final Libsndfile lib;
    private final Pointer handle;
    private final AudioFormat format;
    private final Memory buffer;
    /** False for MP3, whose length libsndfile may estimate (a file without a length header): no truncation check. */
    private final boolean exactLength;

    private long framesRead;
    private boolean closed;

    private SndfileReader(String name, Libsndfile lib, Pointer handle, AudioFormat format, boolean exactLength) {
        this.name = name;
        this.exactLength = exactLength;
        this.lib = lib;
        this.handle = handle;
        this.format = format;
        this.buffer = new Memory((long) BLOCK_FRAMES * format.channels() * Float.BYTES);
    }

    static AudioSource open(Path file) throws AudioFileException {
        String name = file.toString();
        Libsndfile lib;
        try {
            lib = Libsndfile.get();
        } catch (Libsndfile.Missing e) {
            throw new AudioFileException(name, e.getMessage());
        }
        return open(name, lib);
    }

    static AudioSource open(String name, Libsndfile lib) throws AudioFileException {
        Libsndfile.Info info = new Libsndfile.Info();
        Pointer handle;
        synchronized (OPEN_LOCK) {
            handle = lib.sf_open(name, Libsndfile.SFM_READ, info);
            if (handle == null) {
                int code = lib.sf_error(null);
                String why = sentence(lib.sf_strerror(null));
                throw new AudioFileException(
                        name,
                        code == Libsndfile.SF_ERR_UNRECOGNISED_FORMAT
                                ? "not an audio file (libsndfile: " + why + ")"
                                : "cannot be read (libsndfile: " + why + ")");
            }
        }
        try {
            boolean exact = (info.format & Libsndfile.SF_FORMAT_TYPEMASK) != Libsndfile.SF_FORMAT_MPEG;
            return new SndfileReader(name, lib, handle, format(name, info), exact);
        } catch (AudioFileException | RuntimeException e) {
            lib.sf_close(handle);
            throw e;
        }
    }

    /** The file's format, checked as strictly as a WAV header's fields. */
    private static AudioFormat format(String name, Libsndfile.Info info) throws AudioFileException {
        if (info.samplerate < 1 || info.samplerate > WavReader.MAX_SAMPLE_RATE) {
            throw new AudioFileException(
                    name, "sample rate " + info.samplerate + " Hz is outside 1.." + WavReader.MAX_SAMPLE_RATE + " Hz");
        }
        if (info.channels < 1 || info.channels > WavReader.MAX_CHANNELS) {
            throw new AudioFileException(name, info.channels + " channels is outside 1.." + WavReader.MAX_CHANNELS);
        }
        int bits = switch (info.format & Libsndfile.SF_FORMAT_SUBMASK) {
            case 0x0001, 0x0005 -> 8; // PCM_S8, PCM_U8
            case 0x0002 -> 16;
            case 0x0003 -> 24;
            case 0x0004 -> 32;
            case 0x0007 -> 64; // DOUBLE
            default -> 32; // FLOAT, and the lossy codecs' decoded floats
        };
        int sub = info.format & Libsndfile.SF_FORMAT_SUBMASK;
        boolean floating = sub < 0x0001 || sub > 0x0005;
        return new AudioFormat(info.samplerate, info.channels, bits, floating, Math.max(0, info.frames));
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public int blockFrames() {
        return BLOCK_FRAMES;
    }

    @Override
    public int read(float[] out, int maxFrames) throws IOException {
        int frames = Math.min(maxFrames, BLOCK_FRAMES);
        if (frames <= 0) {
            return 0;
        }
        long got = lib.sf_readf_float(handle, buffer, frames);
        if (got <= 0 || lib.sf_error(handle) != 0) {
            checkEnd(got);
        }
        if (got <= 0) {
            return 0;
        }
        buffer.read(0, out, 0, (int) got * format.channels());
        framesRead += got;
        return (int) got;
    }

    /**
     * At the end of the audio (or a decoding error): a file whose audio stops before the frames its header
     * declares is damaged, as a WAV whose data chunk ends early.
     */
    private void checkEnd(long got) throws AudioFileException {
        int error = lib.sf_error(handle);
        if (error != 0) {
            throw new AudioFileException(
                    name,
                    "decoding failed after " + framesRead + " of " + format.frames() + " frames (libsndfile: "
                            + sentence(lib.sf_strerror(handle)) + ")");
        }
        if (got <= 0 && exactLength && framesRead < format.frames()) {
            throw new AudioFileException(
                    name,
                    "file ended while reading audio data (" + framesRead + " of " + format.frames() + " frames read)");
        }
    }

    /** libsndfile's message inside a line of ours: without its "Error : " prefix and its full stop. */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String m = message.strip();
        m = m.startsWith("Error : ") ? m.substring("Error : ".length()) : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lib.sf_close(handle);
            buffer.close();
        }
    }
}
