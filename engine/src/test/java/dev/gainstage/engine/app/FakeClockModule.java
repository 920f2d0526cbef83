package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import dev.gainstage.engine.session.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tests only: a wall clock standing at one instant and a ticker the test moves by hand, in place of
 * {@link SystemClockModule}'s (via {@code Modules.override}).
 */
public final class FakeClockModule extends AbstractModule {
    private final Clock clock;
    private final AtomicLong nanos = new AtomicLong();

    public FakeClockModule(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    /** Moves the ticker on. */
    public void advance(long byNanos) {
        nanos.addAndGet(byNanos);
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(Ticker.class).toInstance(nanos::get);
    }
}
