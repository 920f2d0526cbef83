package dev.gainstage.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    @Test
    void ticksAtARoundStepFromTheFirstRoundTimeOn() {
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0), new TimeAxis(0, 20).ticks(8));
        assertEquals(List.of(70.0, 80.0, 90.0, 100.0), new TimeAxis(65, 100).ticks(4));
        assertEquals(List.of(0.0, 3600.0, 7200.0), new TimeAxis(0, 7200).ticks(2));
    }

    @Test
    void positionsAreLinearAndClamped() {
        TimeAxis axis = new TimeAxis(10, 20);
        assertEquals(150, axis.position(15, 100, 200), 1e-9);
        assertEquals(100, axis.position(0, 100, 200), 1e-9);
        assertEquals(200, axis.position(99, 100, 200), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new TimeAxis(5, 5));
    }

    @Test
    void labelsInMinutesAndSeconds() {
        assertEquals("0:00", TimeAxis.label(0));
        assertEquals("1:23", TimeAxis.label(83.4));
        assertEquals("1:02:03", TimeAxis.label(3723));
    }
}
