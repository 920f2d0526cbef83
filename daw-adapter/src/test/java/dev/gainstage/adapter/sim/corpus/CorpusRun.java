package dev.gainstage.adapter.sim.corpus;

import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WarningState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a corpus session through a real sidecar (loopback gRPC) at the sim's full speed and records every warning
 * that was ever raised, with its first raise, as the panel would have seen it.
 */
public final class CorpusRun {
    /** What a run saw: each warning's first raised event (by id, in order), and the last view. */
    public record Result(Map<String, Warning> raised, SessionView last) {
        public String describe() {
            StringBuilder b = new StringBuilder();
            raised.values()
                    .forEach(w -> b.append(String.format(
                            java.util.Locale.ROOT,
                            "  %s at %.1f s: %s | %s%n",
                            w.getId(),
                            w.getFirstSeenSeconds(),
                            w.getMessage(),
                            w.getSuggestion())));
            return b.isEmpty() ? "  (no warning)\n" : b.toString();
        }
    }

    private CorpusRun() {}

    /** Plays {@code seconds} of the session (the song loops) and returns what was raised. */
    public static Result play(SimSession session, String name, double seconds) throws Exception {
        Path file = CorpusSessions.write(session, name);
        Path store = Files.createTempDirectory("gainstage-corpus-store");
        try (SimSidecarRig rig = SimSidecarRig.on(store)
                        .renderer(SimSessionRenderer.create(session, file.getParent()))
                        .session(name, session.getName())
                        .speed(SimAdapter.Speed.MAX)
                        .simRunByTheTest()
                        .start();
                ViewWatcher views = new ViewWatcher(rig.server.port())) {
            rig.adapter.run(seconds);
            SessionView last = views.await(
                    "the session's view to reach " + seconds + " s of audio",
                    60_000,
                    v -> v.getSessionKey().equals(name) && v.getAudioTimeSeconds() >= seconds - 0.2);
            Thread.sleep(300); // the events of the last tick
            Map<String, Warning> raised = new LinkedHashMap<>();
            List<ViewWatcher.Event> events = views.events();
            for (ViewWatcher.Event e : events) {
                Warning w = e.warning();
                if (w.getState() == WarningState.WARNING_STATE_RAISED) {
                    raised.putIfAbsent(w.getId(), w);
                }
            }
            return new Result(raised, last);
        }
    }
}
