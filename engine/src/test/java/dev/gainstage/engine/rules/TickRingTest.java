package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kept maximum is what a scan of the window finds with {@link Math#max}, ties and signed zeros included. */
class TickRingTest {
    @Test
    void theMaximumIsTheScansAfterEveryValue() {
        double[] pool = {-12, -12, -3, 0.0, -0.0, Double.NEGATIVE_INFINITY, -60, -1.5, Double.NaN};
        for (int capacity : new int[] {1, 2, 7, 100}) {
            TickRing ring = new TickRing(capacity, 3);
            SplittableRandom random = new SplittableRandom(capacity);
            List<Double> added = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                double v = i % 97 < 90 ? pool[random.nextInt(pool.length - 1)] : pool[pool.length - 1];
                ring.add(v);
                if (i >= 3) { // the first three settle
                    added.add(v);
                }
                double expected = Double.NaN;
                if (!added.isEmpty()) {
                    expected = Double.NEGATIVE_INFINITY;
                    for (double x : added.subList(Math.max(0, added.size() - capacity), added.size())) {
                        expected = Math.max(expected, x);
                    }
                }
                assertEquals(
                        Double.doubleToLongBits(expected),
                        Double.doubleToLongBits(ring.max()),
                        "capacity " + capacity + ", value " + i + ": " + expected + " vs " + ring.max());
            }
        }
    }
}
