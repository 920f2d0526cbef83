package dev.gainstage.adapter.sim;

import java.util.Arrays;

/**
 * The summing input of a bus or the master: everything routed to it is added here during a block,
 * and the bus's chain then processes this same buffer in place.
 *
 * <p>Channel mapping: mono into stereo is added to both channels at −3.01 dB (1/√2), the
 * constant-power centre of a pan law, so a centred mono source keeps its acoustic power; stereo
 * into mono is the average of the two channels, which keeps a centred (identical L/R) signal at
 * its level.
 */
final class MixBus {
    static final float CENTRE_PAN = (float) Math.sqrt(0.5);

    final String id;
    final int channels;
    final float[] buffer;

    MixBus(String id, int channels, int blockFrames) {
        this.id = id;
        this.channels = channels;
        this.buffer = new float[channels * blockFrames];
    }

    void clear() {
        Arrays.fill(buffer, 0f);
    }

    void add(float[] src, int srcChannels, int frames) {
        if (srcChannels == channels) {
            for (int i = 0, n = frames * channels; i < n; i++) {
                buffer[i] += src[i];
            }
        } else if (srcChannels == 1) {
            for (int f = 0; f < frames; f++) {
                float s = src[f] * CENTRE_PAN;
                buffer[2 * f] += s;
                buffer[2 * f + 1] += s;
            }
        } else {
            for (int f = 0; f < frames; f++) {
                buffer[f] += 0.5f * (src[2 * f] + src[2 * f + 1]);
            }
        }
    }
}
