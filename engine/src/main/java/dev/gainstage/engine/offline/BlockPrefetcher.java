package dev.gainstage.engine.offline;

import dev.gainstage.engine.metering.ChannelBlock;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and decodes a WAV file on its own thread, a few blocks ahead of the consumer, so decoding
 * overlaps metering on a second core. Blocks are recycled through a small pool: memory stays at
 * {@value #BLOCKS} blocks whatever the file's length. Optionally each block is also copied out per
 * channel (a {@link ChannelBlock}, for true peak), which this thread has time for.
 */
final class BlockPrefetcher implements Closeable {
    static final int BLOCKS = 3;

    /** A decoded block; {@code frames == 0} marks the end, {@code error} a failure. */
    record Block(float[] samples, ChannelBlock channels, int frames, IOException error) {
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> empty = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread thread;
    /** The largest |sample| of the blocks copied out per channel so far (float bits; they are >= 0). */
    private volatile float decodedPeak;

    BlockPrefetcher(WavReader reader, String name) {
        this(reader, name, false);
    }

    BlockPrefetcher(WavReader reader, String name, boolean channelBlocks) {
        int channels = reader.format().channels();
        for (int i = 0; i < BLOCKS; i++) {
            ChannelBlock split = channelBlocks ? new ChannelBlock(channels, reader.blockFrames()) : null;
            empty.add(new Block(new float[reader.blockFrames() * channels], split, 0, null));
        }
        thread = new Thread(() -> produce(reader), "decode " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(WavReader reader) {
        try {
            ChannelBlock previous = null;
            while (true) {
                Block slot = empty.take();
                int frames;
                try {
                    frames = reader.read(slot.samples());
                } catch (IOException e) {
                    full.put(new Block(null, null, 0, e));
                    return;
                }
                if (slot.channels() != null) {
                    ChannelBlock split = slot.channels();
                    split.fill(slot.samples(), 0, frames, previous);
                    previous = split;
                    float peak = decodedPeak;
                    for (int c = 0; c < split.channels(); c++) {
                        peak = Math.max(peak, split.peak(c));
                    }
                    decodedPeak = peak;
                }
                full.put(new Block(slot.samples(), slot.channels(), frames, null));
                if (frames == 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the consumer
        }
    }

    /** The next block, in file order; hand it back with {@link #recycle} when done. */
    Block next() throws IOException {
        try {
            Block b = full.take();
            if (b.error() != null) {
                throw b.error();
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    /**
     * The largest |sample| of every block decoded so far, including blocks the consumer has not
     * reached yet: no true peak below it can be the file's.
     */
    float decodedPeak() {
        return decodedPeak;
    }

    void recycle(Block block) {
        empty.add(block);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
