package dev.gainstage.engine.offline;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.StageMeter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Meters a whole WAV file in one pass with the same {@link StageMeter} the live sidecar uses; the
 * file is decoded on a second thread while the meter works.
 */
public final class FileMeter {
    private FileMeter() {
    }

    public static FileMeasurement measure(Path file, MeterOptions options) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            WavFormat format = reader.format();
            StageMeter meter = newMeter(file.toString(), format, options, reader.blockFrames());
            try (BlockPrefetcher blocks = new BlockPrefetcher(reader, file.toString())) {
                for (BlockPrefetcher.Block b; (b = blocks.next()).frames() > 0; ) {
                    meter.process(b.samples(), 0, b.frames());
                    blocks.recycle(b.samples());
                }
            }
            return new FileMeasurement(file.toString(), format, meter.reading());
        }
    }

    /** A meter for the file's format, or a {@link WavException} saying why the meter cannot take it. */
    static StageMeter newMeter(String name, WavFormat format, MeterOptions options, int blockFrames)
            throws WavException {
        StageMeter meter = new StageMeter(options);
        try {
            meter.initialize(format.sampleRate(), format.channels(), blockFrames);
        } catch (IllegalArgumentException e) {
            throw new WavException(name, e.getMessage());
        }
        return meter;
    }
}
