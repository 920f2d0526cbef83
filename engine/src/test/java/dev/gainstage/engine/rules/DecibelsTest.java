package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecibelsTest {
    /** The figures the rules have always written, by the formatter: the fast path must write the very same. */
    private static void sameAsFormatter(double x) {
        assertEquals(String.format(Locale.ROOT, "%.1f %s", x, "dBFS"), Decibels.level(x, "dBFS"), () -> "level " + x);
        assertEquals(String.format(Locale.ROOT, "%+.1f dB", x), Decibels.change(x), () -> "change " + x);
        assertEquals(String.format(Locale.ROOT, "%.1f dB", Math.abs(x)), Decibels.amount(x), () -> "amount " + x);
    }

    @Test
    void writesWhatTheFormatterWritesOnHalfwayFiguresAndTheirNeighbours() {
        // x.x5 is where rounding half up on the shortest decimal and on the binary value part ways
        for (int k = -40_000; k <= 40_000; k++) {
            double x = k / 100.0;
            sameAsFormatter(x);
            sameAsFormatter(Math.nextUp(x));
            sameAsFormatter(Math.nextDown(x));
        }
    }

    @Test
    void writesWhatTheFormatterWritesOnRandomFiguresOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            sameAsFormatter(random.nextDouble(-200, 40));
            double magnitude = Math.pow(10, random.nextDouble(-9, 12));
            sameAsFormatter(random.nextBoolean() ? magnitude : -magnitude);
        }
    }

    @Test
    void writesWhatTheFormatterWritesAtTheEdges() {
        List<Double> edges = new ArrayList<>(List.of(
                0.0,
                -0.0,
                -0.04,
                0.05,
                -0.05,
                1e-3,
                -1e-3,
                Math.nextDown(1e-3),
                9.5e-4,
                1e7,
                Math.nextDown(1e7),
                -9_999_999.95,
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        edges.forEach(DecibelsTest::sameAsFormatter);
    }
}
