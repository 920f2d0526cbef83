package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.Decibels;
import dev.gainstage.adapter.sim.dsp.LoopedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Loads a WAV file (integer PCM or float) into memory as a looped source. */
final class WavFiles {
    private WavFiles() {}

    /** @param loopFrames 0: loop the file's length; otherwise the file, then silence, every loopFrames */
    static LoopedTable load(Path file, int sampleRate, double gainDb, long loopFrames) throws SimSessionException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            if (Math.round(format.getSampleRate()) != sampleRate) {
                throw new SimSessionException(file + ": sample rate " + Math.round(format.getSampleRate())
                        + " Hz, the session runs at " + sampleRate + " Hz");
            }
            int channels = format.getChannels();
            if (channels != 1 && channels != 2) {
                throw new SimSessionException(
                        file + ": " + channels + " channels; only mono and stereo files are supported");
            }
            // The JDK converts any PCM encoding and bit depth to 32-bit float for us.
            AudioFormat floats = new AudioFormat(
                    AudioFormat.Encoding.PCM_FLOAT,
                    format.getSampleRate(),
                    32,
                    channels,
                    4 * channels,
                    format.getSampleRate(),
                    false);
            float[] samples = read(AudioSystem.getAudioInputStream(floats, in));
            if (samples.length < channels) {
                throw new SimSessionException(file + ": no audio frames");
            }
            float gain = (float) Decibels.toLinear(gainDb);
            for (int i = 0; i < samples.length; i++) {
                samples[i] *= gain;
            }
            return new LoopedTable(samples, channels, loopFrames, false);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new SimSessionException(file + ": not a readable WAV file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SimSessionException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static float[] read(AudioInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(samples);
        return samples;
    }
}
