package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonObjectTest {
    @Test
    void numbersAreRoundedAndNothingMeasurableIsNull() {
        assertEquals("-23", JsonObject.number(-23.0004, 3));
        assertEquals("-22.667", JsonObject.number(-22.6666, 3));
        assertEquals("0.05", JsonObject.number(0.05, 3));
        assertEquals("0", JsonObject.number(-0.0001, 3));
        assertEquals("6.021", JsonObject.number(6.0206, 3));
        assertEquals("null", JsonObject.number(Double.NaN, 3));
        assertEquals("null", JsonObject.number(Double.NEGATIVE_INFINITY, 3));
    }

    @Test
    void stringsAreEscaped() {
        String json = new JsonObject()
                .put("file", "a \"b\"\\c\n\u0001.wav")
                .put("n", 3L)
                .putExact("dc", 2.5e-5)
                .toString();
        assertEquals("{\"file\": \"a \\\"b\\\"\\\\c\\n\\u0001.wav\", \"n\": 3, \"dc\": 2.5E-5}", json);
    }
}
