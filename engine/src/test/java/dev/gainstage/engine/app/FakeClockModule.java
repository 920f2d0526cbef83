package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Tests only: a wall clock standing at one instant, in place of {@link SystemClockModule}'s (via {@code Modules.override}). */
public final class FakeClockModule extends AbstractModule {
    private final Clock clock;

    public FakeClockModule(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
    }
}
