package dev.gainstage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimelinePositionTest {
    @Test
    void minutesSecondsAndTenthsThenHours() {
        assertEquals("0:00.0", TimelinePosition.format(0));
        assertEquals("1:23.4", TimelinePosition.format(83.42));
        assertEquals("1:00.0", TimelinePosition.format(59.96), "rounded to the tenth, carried into the minute");
        assertEquals("1:02:03.0", TimelinePosition.format(3723.0));
        assertEquals("0:00.0", TimelinePosition.format(-3), "nothing before the start");
        assertEquals("?", TimelinePosition.format(Double.NaN));
    }
}
