package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SidecarMessage;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An adapter that stops sending audio but keeps its stream open (hung): the view tells how long it has been silent. */
class AdapterSilenceTest {
    @TempDir
    Path store;

    private TestSidecar sidecar;

    @AfterEach
    void stop() throws Exception {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void aSilentAdapterShowsInTheViewWhileItsStreamStaysOpen() throws Exception {
        sidecar = new TestSidecar(store);
        ManagedChannel channel = sidecar.channel;
        TestAdapter adapter = new TestAdapter(channel);
        adapter.hello("hung");
        adapter.snapshot(TestSession.session());
        adapter.await(SidecarMessage.BodyCase.ACK);
        adapter.await(SidecarMessage.BodyCase.TAPS);
        adapter.streamSines(0.5, tap -> -12.0);
        SessionView flowing = TestSession.awaitView(channel, "hung", v -> v.getAudioTimeSeconds() >= 0.5);
        assertTrue(flowing.hasAdapterSilentSeconds(), "once audio was heard the view says since when: " + flowing);

        long stopped = System.nanoTime();
        SessionView silent = TestSession.awaitView(channel, "hung", v -> v.getAdapterSilentSeconds() >= 1.0);
        double waited = (System.nanoTime() - stopped) / 1e9;
        assertTrue(silent.getAdapterConnected(), "the stream is still open");
        // 1.5 s by design (1 s of silence, then the next resend); the rest is slack for a loaded machine
        assertTrue(waited < 3.0, "seen within 3 s of the last audio, took " + waited + " s");
        double first = silent.getAdapterSilentSeconds();
        SessionView later = TestSession.awaitView(channel, "hung", v -> v.getAdapterSilentSeconds() >= first + 0.9);
        assertTrue(later.getViewSequence() == silent.getViewSequence(), "the same state, sent again as time goes on");
        adapter.close();
    }
}
