package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.metering.StageMeter;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMeterTest {
    @TempDir
    Path dir;

    /**
     * The pipelined file meter (true peak on its own thread) gives exactly what one StageMeter fed the
     * same samples gives, true peak included, over a file of several decoder blocks.
     */
    @Test
    void pipelineMatchesASingleThreadedStageMeter() throws IOException, ReflectiveOperationException {
        int rate = 48_000;
        int frames = rate * 12;
        Random random = new Random(5);
        float[] x = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            // noise, then a fs/4 sine at 45 degrees whose peaks fall between samples (+3 dB true peak)
            double tone = i > rate * 6 ? 0.5 * Math.sin(Math.PI / 2 * i + Math.PI / 4) : 0;
            x[2 * i] = (float) (random.nextGaussian() * 0.002 + tone);
            x[2 * i + 1] = (float) (random.nextGaussian() * 0.002 - tone);
        }
        Path file = dir.resolve("mix.wav");
        try (WavWriter w = new WavWriter(file, rate, 2, 32, true)) {
            w.write(x, frames);
        }
        StageMeter direct = new StageMeter(MeterOptions.defaults());
        direct.initialize(rate, 2, 4096);
        direct.process(x, 0, frames);
        MeterReading expected = direct.reading();
        MeterReading actual = FileMeter.measure(file, MeterOptions.defaults()).reading();

        assertTrue(expected.maxTruePeakDbtp() > expected.maxSamplePeakDbfs() + 2.5, "the file has inter-sample peaks");
        assertEquals(expected.maxTruePeakDbtp(), actual.maxTruePeakDbtp(), 1e-9);
        for (RecordComponent c : MeterReading.class.getRecordComponents()) {
            if (!c.getName().toLowerCase().contains("truepeak")) {
                assertEquals(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), c.getName());
            }
        }
    }
}
