package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRuleSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalDouble;

/** Test material for a session: engines, strips and mono tap blocks of sine. */
final class Blocks {
    private Blocks() {}

    static SessionEngine engine(String key) {
        return new SessionEngine(
                key,
                RuleOverrides.NONE,
                StagingRuleSet.standard(),
                MeterOptions.defaults(),
                MeterPool.inline(),
                Decisions.NONE,
                new NoSaving(),
                "");
    }

    /** A mono audio track routed to {@code output} (none when empty): its source, then a fader at 0 dB. */
    static Strip track(String id, String output) {
        return new Strip(
                id,
                id,
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        new Stage(id + "/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), ""),
                        new Stage(id + "/fader", StageKind.FADER, "Fader", "", true, OptionalDouble.of(0), "")),
                output.isEmpty() ? List.of() : List.of(output));
    }

    /** A mono master strip: its output stage only. */
    static Strip master(String id) {
        return new Strip(
                id,
                id,
                StripKind.MASTER,
                1,
                List.of(new Stage(id + "/output", StageKind.OUTPUT, "Output", "", true, OptionalDouble.empty(), "")),
                List.of());
    }

    /** {@code frames} of a sine of {@code hz} at {@code amplitude}, starting at phase {@code phase} (radians). */
    static float[] sine(int rate, double hz, double amplitude, double phase, int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (amplitude * Math.sin(phase + 2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    static TapBlockData block(int handle, int rate, long position, float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(samples);
        return new TapBlockData(handle, rate, 1, samples.length, position, b);
    }

    /** Decisions are not what these tests are about; the real store has tests of its own. */
    static final class NoSaving implements DecisionPersistence {
        @Override
        public Loaded load(String sessionKey) {
            return new Loaded(Decisions.NONE, "");
        }

        @Override
        public void save(String sessionKey, Decisions decisions) {}
    }
}
