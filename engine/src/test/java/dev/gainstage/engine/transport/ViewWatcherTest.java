package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.store.DecisionStore;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.stub.ServerCallStreamObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewWatcherTest {
    @TempDir
    Path store;

    private final ViewPump pump = new ViewPump();

    @AfterEach
    void stopPump() {
        pump.stop();
    }

    /**
     * A session opened as the panel's Watch ends: the registry has already taken the watcher's
     * open-listener for this pass when the watch stops, so the watcher hears of the session after
     * its stop. It must not start listening then, or the session is held forever.
     */
    @Test
    void aSessionOpenedAsTheWatchStopsIsNotHeldByIt() throws Exception {
        SessionRegistry registry = new SessionRegistry(
                RuleOverrides.NONE, MeterOptions.defaults(), new DecisionStore(store, Clock.systemUTC()));
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        registry.onOpen(
                engine -> { // told before the watcher, in the same pass
                    opening.countDown();
                    try {
                        goOn.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        FakeCall call = new FakeCall();
        pump.start();
        new ViewWatcher(registry, WatchRequest.getDefaultInstance(), call).start(pump);
        Thread adapter = new Thread(() -> registry.open("late"));
        adapter.start();
        opening.await(10, TimeUnit.SECONDS);

        call.cancel();
        goOn.countDown();
        adapter.join(10_000);

        assertEquals(
                List.of("late"), registry.forgetIdle(System.nanoTime(), 0), "nobody watches it, nothing is attached");
    }

    /** A Watch call the test cancels, as a panel that goes away does. */
    private static final class FakeCall extends ServerCallStreamObserver<SessionView> {
        private volatile boolean cancelled;
        private volatile Runnable onCancel = () -> {};

        void cancel() {
            cancelled = true;
            onCancel.run();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
            onCancel = onCancelHandler;
        }

        @Override
        public void setCompression(String compression) {}

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {}

        @Override
        public void request(int count) {}

        @Override
        public void setMessageCompression(boolean enable) {}

        @Override
        public void disableAutoInboundFlowControl() {}

        @Override
        public void onNext(SessionView value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }
}
