package dev.gainstage.files;

import java.io.Closeable;
import java.io.IOException;

/**
 * An audio file read as interleaved float frames in blocks: what the meters and the mix read, whatever the file's
 * format. {@link WavReader} reads WAV itself; {@link SndfileReader} reads the other formats through libsndfile.
 * Full scale is 1.0; a problem is an {@link AudioFileException} naming the file.
 */
interface AudioSource extends Closeable {
    AudioFormat format();

    /** Frames per {@link #read} call at most, and so the size {@code out} needs (times channels). */
    int blockFrames();

    /**
     * Reads up to {@code maxFrames} frames (at most {@link #blockFrames()}) into {@code out}, interleaved, and
     * returns how many; 0 at the end of the audio.
     */
    int read(float[] out, int maxFrames) throws IOException;

    /** Like {@link #read(float[], int)} with a whole block. */
    default int read(float[] out) throws IOException {
        return read(out, blockFrames());
    }
}
