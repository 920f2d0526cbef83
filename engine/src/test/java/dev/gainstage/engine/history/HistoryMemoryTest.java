package dev.gainstage.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterReading;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The history's memory, measured: a 3-hour session of 1000 stages, every stage measuring every
 * second (the worst case: silence costs nothing), filled and weighed on the heap. Prints the figures
 * docs/architecture.md states.
 */
class HistoryMemoryTest {
    private static final int STAGES = 1000;
    private static final int SECONDS = 3 * 3600;

    @Test
    void threeHoursOfAThousandStagesFitInTheStatedBound() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < STAGES; i++) {
            ids.add("strip" + i / 6 + "/stage" + i % 6);
        }
        MeterReading[] readings = new MeterReading[64];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = SessionHistoryTest.reading(-20 + i * 0.1, -19 + i * 0.1, -23 + i * 0.1);
        }
        long before = usedHeap();
        SessionHistory h = new SessionHistory(HistoryLimits.DEFAULT);
        for (int second = 0; second < SECONDS; second++) {
            int s = second;
            h.tick(second, second, ids, id -> readings[(s + id.length()) % readings.length], List.of());
        }
        long after = usedHeap();
        double bytes = after - before;
        double perStageHour = bytes / (STAGES * 3.0);
        System.out.printf(
                Locale.ROOT,
                "history of %d stages x %d s: %.1f MB on the heap, %.0f bytes per stage-hour%n",
                STAGES,
                SECONDS,
                bytes / 1e6,
                perStageHour);
        assertEquals(
                SECONDS,
                h.query(List.of(ids.getFirst()), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                        .levels()
                        .pointSeconds()
                        .length);
        // 3 figures x 2 bytes x 3600 s = 21 600 bytes of data per stage-hour, plus array headers and lists.
        assertTrue(perStageHour >= 21_600 * 0.95, "measured " + perStageHour + ": the data alone is 21 600");
        assertTrue(perStageHour <= 24_000, "measured " + perStageHour + " bytes per stage-hour");
        // Keep h reachable until after the measurement.
        assertTrue(h.query(List.of(ids.getFirst()), 0, 1).levels().stages().size() == 1);
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
