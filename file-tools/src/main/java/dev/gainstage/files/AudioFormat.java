package dev.gainstage.files;

/**
 * What an audio file holds.
 *
 * @param bitsPerSample the samples' width as stored (PCM, FLAC, AIFF) or as decoded (32-bit float for the lossy
 *                      codecs, whose decoders deliver floats)
 * @param floatingPoint IEEE float samples (32 or 64 bit) rather than two's-complement integers
 * @param frames        sample frames in the file, as its header declares them
 */
public record AudioFormat(int sampleRate, int channels, int bitsPerSample, boolean floatingPoint, long frames) {
    public int bytesPerFrame() {
        return channels * (bitsPerSample / 8);
    }

    public double seconds() {
        return frames / (double) sampleRate;
    }

    public String describe() {
        return sampleRate + " Hz, " + channels + " ch, " + bitsPerSample + "-bit " + (floatingPoint ? "float" : "PCM");
    }
}
