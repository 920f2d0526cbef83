package dev.gainstage.adapter.sim.dsp;

/**
 * Plays a table held in memory (a pre-rendered generator pattern or a WAV file), looped.
 *
 * <p>A loop restarts the table every {@code loopFrames}. Inside a loop longer than the table, a
 * generator pattern repeats ({@code repeatInLoop}); a file is followed by silence, as a DAW region
 * shorter than the loop would be. A mono table feeds every channel of a stereo track; a stereo
 * table feeding a mono track is averaged.
 */
public final class LoopedTable implements SignalSource {
    private final float[] table;
    private final int tableChannels;
    private final int tableFrames;
    private final long loopFrames;
    private final boolean repeatInLoop;
    private long positionInLoop;

    public LoopedTable(float[] table, int tableChannels, long loopFrames, boolean repeatInLoop) {
        if (table.length == 0 || table.length % tableChannels != 0) {
            throw new IllegalArgumentException("table of " + table.length + " samples, " + tableChannels + " channels");
        }
        this.table = table;
        this.tableChannels = tableChannels;
        this.tableFrames = table.length / tableChannels;
        this.loopFrames = loopFrames > 0 ? loopFrames : tableFrames;
        this.repeatInLoop = repeatInLoop;
    }

    @Override
    public void read(float[] out, int channels, int frames) {
        for (int f = 0, o = 0; f < frames; f++, o += channels) {
            long p = repeatInLoop ? positionInLoop % tableFrames : positionInLoop;
            if (p < tableFrames) {
                copyFrame((int) p * tableChannels, out, o, channels);
            } else {
                for (int c = 0; c < channels; c++) {
                    out[o + c] = 0f;
                }
            }
            if (++positionInLoop == loopFrames) {
                positionInLoop = 0;
            }
        }
    }

    @Override
    public void seek(long frame) {
        positionInLoop = Math.floorMod(frame, loopFrames);
    }

    private void copyFrame(int t, float[] out, int o, int channels) {
        if (tableChannels == channels) {
            for (int c = 0; c < channels; c++) {
                out[o + c] = table[t + c];
            }
        } else if (tableChannels == 1) {
            for (int c = 0; c < channels; c++) {
                out[o + c] = table[t];
            }
        } else {
            out[o] = 0.5f * (table[t] + table[t + 1]);
        }
    }
}
