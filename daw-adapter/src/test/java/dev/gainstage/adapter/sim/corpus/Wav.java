package dev.gainstage.adapter.sim.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV in and out for the corpus builder, through the JDK's sampled-audio classes: channels of float samples. */
final class Wav {
    private Wav() {}

    static float[][] read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            AudioFormat floats = new AudioFormat(
                    AudioFormat.Encoding.PCM_FLOAT,
                    f.getSampleRate(),
                    32,
                    f.getChannels(),
                    4 * f.getChannels(),
                    f.getSampleRate(),
                    false);
            byte[] bytes = AudioSystem.getAudioInputStream(floats, in).readAllBytes();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int channels = f.getChannels();
            int frames = bytes.length / (4 * channels);
            float[][] out = new float[channels][frames];
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    out[c][i] = b.getFloat();
                }
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Cut or padded with silence to {@code frames}. */
    static float[][] fit(float[][] audio, int frames) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = java.util.Arrays.copyOf(audio[c], frames);
        }
        return out;
    }

    /** 24-bit PCM, clipped at full scale. */
    static void write(Path file, float[][] audio, int sampleRate) throws IOException {
        int channels = audio.length;
        int frames = audio[0].length;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] ch : audio) {
                int v = (int) Math.round(Math.max(-1, Math.min(1, ch[i])) * 8_388_607.0);
                b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
            }
        }
        AudioFormat format = new AudioFormat(sampleRate, 24, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
