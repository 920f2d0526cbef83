package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What {@link MeterPool#forEach} promises when the body throws: every other index still runs, once. */
class MeterPoolTest {
    private static final int COUNT = 200;
    private static final MeterPool POOL = new MeterPool(3);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @Test
    void onTheCallerEveryOtherIndexRunsAndTheFirstFailureIsRethrown() {
        runsEveryOtherIndex(MeterPool.inline(), new IllegalStateException("index 3"));
    }

    @Test
    void onThePoolEveryOtherIndexRunsAndTheFirstFailureIsRethrown() {
        runsEveryOtherIndex(POOL, new IllegalStateException("index 3"));
    }

    @Test
    void anErrorOnThePoolIsRethrownAsItself() {
        runsEveryOtherIndex(POOL, new AssertionError("index 3"));
    }

    private static void runsEveryOtherIndex(MeterPool pool, Throwable failure) {
        AtomicIntegerArray runs = new AtomicIntegerArray(COUNT);
        Throwable thrown = assertThrows(
                Throwable.class,
                () -> pool.forEach(COUNT, 1_000_000, i -> {
                    runs.incrementAndGet(i);
                    if (i == 3) {
                        throwUnchecked(failure);
                    }
                }));
        assertSame(failure, thrown);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(1, runs.get(i), "index " + i + " runs once");
        }
    }

    private static void throwUnchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) t;
    }
}
