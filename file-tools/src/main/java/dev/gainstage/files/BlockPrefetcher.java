package dev.gainstage.files;

import dev.gainstage.engine.metering.ChannelBlock;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and decodes an audio file on its own thread, a few blocks ahead of the consumer, so decoding
 * overlaps metering on a second core. Blocks are recycled through a small pool: memory stays at
 * {@value #BLOCKS} blocks whatever the file's length. Optionally each block is also copied out per
 * channel (a {@link ChannelBlock}, for true peak), which this thread has time for.
 */
final class BlockPrefetcher implements Closeable {
    static final int BLOCKS = 3;

    /** A decoded block; {@code frames == 0} marks the end, {@code error} a failure. */
    record Block(float[] samples, ChannelBlock channels, int frames, IOException error) {}

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> empty = new ArrayBlockingQueue<>(BLOCKS);
    private final int unit;
    private final boolean channelBlocks;
    private final Thread thread;
    /** Blocks made so far; they are made by the decoding thread, as needed, up to {@value #BLOCKS}. */
    private int made;
    /** The largest |sample| of the blocks copied out per channel so far. */
    private volatile float decodedPeak;

    BlockPrefetcher(AudioSource reader, String name) {
        this(reader, name, false, 1);
    }

    /**
     * Blocks hold whole multiples of {@code unit} frames where the reader's block allows it (the
     * file meter passes its 100 ms sub-block, so every block starts one: the meter then cuts the
     * audio exactly as one call over the whole file would, to the last bit of every sum).
     */
    BlockPrefetcher(AudioSource reader, String name, boolean channelBlocks, int unit) {
        this.unit = unit <= reader.blockFrames() ? unit : 1;
        this.channelBlocks = channelBlocks;
        thread = new Thread(() -> produce(reader), "decode " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(AudioSource reader) {
        try {
            ChannelBlock previous = null;
            // The first block is a 16th and they double to full size: the consumers start after a
            // small block is decoded instead of a whole one (15 ms of a cold start).
            int largest = reader.blockFrames() / unit * unit;
            int want = Math.max(unit, largest / 16 / unit * unit);
            while (true) {
                Block slot = nextSlot(reader);
                int frames;
                try {
                    frames = reader.read(slot.samples(), want);
                    want = Math.min(largest, 2 * want);
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

    /**
     * A recycled block, or a new one while fewer than {@value #BLOCKS} exist: made here as needed
     * rather than all up front by the caller, which then waited 10 ms for 12 MB of arrays.
     */
    private Block nextSlot(AudioSource reader) throws InterruptedException {
        Block slot = empty.poll();
        if (slot == null && made < BLOCKS) {
            made++;
            int channels = reader.format().channels();
            ChannelBlock split = channelBlocks ? new ChannelBlock(channels, reader.blockFrames()) : null;
            return new Block(new float[reader.blockFrames() * channels], split, 0, null);
        }
        return slot != null ? slot : empty.take();
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
