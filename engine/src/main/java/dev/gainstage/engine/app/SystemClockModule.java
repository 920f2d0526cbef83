package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gainstage.engine.session.Ticker;
import java.time.Clock;

/**
 * The machine's clocks: the wall clock in UTC, which only the store reads (to stamp a file it sets aside), and the
 * monotonic {@link Ticker} sessions time their idleness by. Audio time comes from the audio's sample positions, never
 * from here. Tests swap this module for fake clocks.
 */
public final class SystemClockModule extends AbstractModule {
    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    Ticker ticker() {
        return Ticker.SYSTEM;
    }
}
