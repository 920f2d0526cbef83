package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.store.DecisionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRegistryTest {
    @TempDir
    Path dir;

    private static final RuleOverrides QUIET_AT_MINUS_10 = new RuleOverrides(Map.of("source_quiet_peak_dbfs", -10.0));

    @Test
    void savedOverridesComeBackOverTheFile() throws IOException {
        DecisionStore store = new DecisionStore(dir, Clock.systemUTC());
        store.save("song", Decisions.NONE.withRuleOverrides(QUIET_AT_MINUS_10));
        RuleOverrides file = new RuleOverrides(Map.of("fader_max_db", 9.0));
        SessionEngine engine = new SessionRegistry(file, MeterOptions.defaults(), store).open("song");
        assertEquals(-10.0, engine.ruleLayers().effective().sourceQuietPeakDbfs());
        assertEquals(9.0, engine.ruleLayers().effective().faderMaxDb());
    }

    @Test
    void savedOverridesThatNoLongerFitTheFileAreLeftOutAndReported() throws IOException {
        DecisionStore store = new DecisionStore(dir, Clock.systemUTC());
        store.save("song", Decisions.NONE.withRuleOverrides(QUIET_AT_MINUS_10));
        // A stricter file since: its hot threshold, -11, is now below the session's quiet one.
        RuleOverrides file = new RuleOverrides(Map.of(
                "source_hot_peak_dbfs", -11.0, "source_target_peak_dbfs", -14.0, "source_quiet_peak_dbfs", -20.0));
        SessionEngine engine = new SessionRegistry(file, MeterOptions.defaults(), store).open("song");
        assertEquals(RuleOverrides.NONE, engine.ruleLayers().session());
        engine.onTransport(true); // publishes a state
        String notice = engine.state().notices().getFirst();
        assertTrue(
                notice.contains("{source_quiet_peak_dbfs=-10.0} do not fit the --rules file")
                        && notice.contains("source_quiet_peak_dbfs (-10.0) must be below source_hot_peak_dbfs (-11.0)"),
                notice);
    }

    @Test
    void anAdaptersNoticeIsShownUntilWithdrawnOrTheAdapterLeavesAndTheLatestSessionIsListedFirst() throws IOException {
        SessionRegistry registry = new SessionRegistry(
                RuleOverrides.NONE, MeterOptions.defaults(), new DecisionStore(dir, Clock.systemUTC()));
        SessionEngine other = registry.open("other");
        SessionEngine engine = registry.open("song");
        assertEquals(List.of(engine, other), registry.all());
        TestLink link = new TestLink();
        engine.attach(link, "Song");
        engine.onAdapterNotice("  12 tap points are not metered  ");
        assertEquals(List.of("12 tap points are not metered"), engine.state().notices());
        engine.onAdapterNotice("3 tap points are not metered");
        assertEquals(List.of("3 tap points are not metered"), engine.state().notices(), "a notice replaces the last");
        engine.onAdapterNotice("");
        assertEquals(List.of(), engine.state().notices());
        engine.onAdapterNotice("again");
        engine.detach(link);
        assertEquals(List.of(), engine.state().notices(), "it spoke of an adapter that has gone");
    }

    @Test
    void anAbsurdOverrideIsNeitherSavedNorApplied() throws IOException {
        DecisionStore store = new DecisionStore(dir, Clock.systemUTC());
        SessionEngine engine = new SessionRegistry(RuleOverrides.NONE, MeterOptions.defaults(), store).open("song");
        engine.updateDecisions(d -> d.withRuleOverrides(QUIET_AT_MINUS_10));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> engine.updateDecisions(
                        d -> d.withRuleOverrides(new RuleOverrides(Map.of("bus_peak_dbfs", 500.0)))));
        assertTrue(e.getMessage().startsWith("bus_peak_dbfs = 500.0 is outside"), e.getMessage());
        assertEquals(QUIET_AT_MINUS_10, engine.ruleLayers().session());
        assertEquals(QUIET_AT_MINUS_10, store.load("song").decisions().ruleOverrides());
    }

    @Test
    void sessionsWithNoAdapterAndNoWatcherAreForgottenAndComeBackFromTheStore() throws IOException {
        SessionRegistry registry = new SessionRegistry(
                RuleOverrides.NONE, MeterOptions.defaults(), new DecisionStore(dir, Clock.systemUTC()));
        SessionEngine idle = registry.open("idle");
        idle.updateDecisions(d -> d.acknowledgeItem("source:kick/source", "meant to be loud"));
        SessionEngine watched = registry.open("watched");
        watched.addListener(() -> {});
        SessionEngine playing = registry.open("playing");
        playing.attach(new TestLink(), "playing");
        long minute = TimeUnit.MINUTES.toNanos(1);

        assertEquals(List.of(), registry.forgetIdle(System.nanoTime(), 10 * minute), "nothing is 10 minutes idle yet");
        assertEquals(List.of("idle"), registry.forgetIdle(System.nanoTime() + 11 * minute, 10 * minute));
        assertTrue(registry.find("idle").isEmpty());
        assertTrue(
                registry.find("watched").isPresent() && registry.find("playing").isPresent());

        SessionEngine back = registry.open("idle");
        assertNotSame(idle, back);
        assertEquals("meant to be loud", back.decisions().itemAcks().get("source:kick/source"));
        assertEquals(
                List.of(),
                registry.forgetIdle(System.nanoTime() + 5 * minute, 10 * minute),
                "opening a session again makes it young again");
    }

    @Test
    void aSlowLoadOfOneSessionDoesNotHoldUpOpeningAnother() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DecisionPersistence slow = new DecisionPersistence() {
            @Override
            public Loaded load(String sessionKey) throws IOException {
                if (sessionKey.equals("slow")) {
                    loading.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new Loaded(Decisions.NONE, "");
            }

            @Override
            public void save(String sessionKey, Decisions decisions) {}
        };
        SessionRegistry registry = new SessionRegistry(RuleOverrides.NONE, MeterOptions.defaults(), slow);
        // The map locks a bin, not the whole map: the other key is picked to share the slow one's bin,
        // where loading inside the map's compute would make it wait for the disk.
        String other = sameBin("slow");
        ExecutorService threads = Executors.newFixedThreadPool(2); // the common pool may have one thread only
        try {
            Future<SessionEngine> slowOpen = threads.submit(() -> registry.open("slow"));
            try {
                assertTrue(loading.await(10, TimeUnit.SECONDS));
                SessionEngine opened =
                        threads.submit(() -> registry.open(other)).get(2, TimeUnit.SECONDS);
                assertEquals(other, opened.sessionKey());
            } finally {
                release.countDown();
            }
            assertEquals("slow", slowOpen.get(10, TimeUnit.SECONDS).sessionKey());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(
                List.of(other, "slow"),
                registry.all().stream().map(SessionEngine::sessionKey).sorted().toList());
    }

    /** A key other than {@code key} in the same bin of a new {@link java.util.concurrent.ConcurrentHashMap} (16 bins). */
    private static String sameBin(String key) {
        for (int i = 0; ; i++) {
            String candidate = "other-" + i;
            if (bin(candidate) == bin(key)) {
                return candidate;
            }
        }
    }

    private static int bin(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 15;
    }
}
