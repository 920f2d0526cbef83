package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/**
 * The wall clock, in UTC. Only the store reads it (to stamp a file it sets aside); audio time comes
 * from the audio's sample positions, never from here. Tests swap this module for a fake clock.
 */
public final class SystemClockModule extends AbstractModule {
    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
