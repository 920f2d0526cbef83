package dev.gainstage.adapter.sim.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.SimTrack;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules on real recorded material: a well-staged mix of the corpus raises no warning at any time, not even one
 * that clears again; each mis-staged variant raises exactly its planted problems, on the right stages, and nothing
 * else.
 */
class CorpusStagingTest {
    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("well-staged", UnaryOperator.<SimSession.Builder>identity(), List.of()),
                // well staged too: a bass line of half notes at -10 dBFS (its release tails are music, not noise),
                // keys peaking at -9 dBFS through a deep tremolo
                Arguments.of(
                        "bass half notes at -10 dBFS",
                        change(s -> track(s, "bass").getSourceBuilder().setGainDb(2)),
                        List.of()),
                Arguments.of(
                        "keys with a deep tremolo at -9 dBFS",
                        change(s -> track(s, "keys")
                                .getSourceBuilder()
                                .setWavFile("keys-tremolo.wav")
                                .setGainDb(3)),
                        List.of()),
                Arguments.of(
                        "noisy vocal recording",
                        change(s -> track(s, "vox").getSourceBuilder().setWavFile("vox-noisy.wav")),
                        List.of("SOURCE_NOISY@vox/source")),
                Arguments.of(
                        "quiet snare hits at -29 dBFS",
                        change(s -> track(s, "snare").getSourceBuilder().setGainDb(-17)),
                        List.of("SOURCE_TOO_QUIET@snare/source")),
                Arguments.of(
                        "hot kick recording",
                        change(s -> track(s, "kick").getSourceBuilder().setGainDb(10)),
                        List.of("SOURCE_TOO_HOT@kick/source")),
                Arguments.of(
                        "quiet vocal recording",
                        change(s -> track(s, "vox").getSourceBuilder().setGainDb(-20)),
                        List.of("SOURCE_TOO_QUIET@vox/source")),
                Arguments.of(
                        "compressor makeup too high",
                        change(s -> track(s, "vox").addPlugins(CorpusSessions.compressor("comp", "Vox Comp", -24, 9))),
                        List.of("PLUGIN_GAIN_MISMATCH@vox/comp")),
                Arguments.of(
                        "master trim pushed over full scale",
                        change(s -> s.getMasterBuilder().setTrimDb(11)),
                        List.of("MASTER_OVER_0DBFS@master/output")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void raisesExactlyWhatWasPlanted(String name, UnaryOperator<SimSession.Builder> plant, List<String> expected)
            throws Exception {
        SimSession session = CorpusSessions.variant(name, plant);
        CorpusRun.Result r = CorpusRun.play(session, name.replace(' ', '-'), 2 * RealCorpus.SECONDS);
        System.out.println(name + ":\n" + r.describe() + ViewWatcher.describe(r.last()));
        assertEquals(
                expected.stream().sorted().toList(),
                r.raised().keySet().stream().sorted().toList(),
                "raised on '" + name + "':\n" + r.describe());
    }

    private static UnaryOperator<SimSession.Builder> change(java.util.function.Consumer<SimSession.Builder> c) {
        return s -> {
            c.accept(s);
            return s;
        };
    }

    private static SimTrack.Builder track(SimSession.Builder s, String id) {
        return s.getTracksBuilderList().stream()
                .filter(t -> t.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
