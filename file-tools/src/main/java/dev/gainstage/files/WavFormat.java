package dev.gainstage.files;

/**
 * What a WAV file holds.
 *
 * @param floatingPoint IEEE float samples (32 or 64 bit) rather than two's-complement integers
 * @param frames        sample frames in the data chunk
 */
public record WavFormat(int sampleRate, int channels, int bitsPerSample, boolean floatingPoint, long frames) {
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
