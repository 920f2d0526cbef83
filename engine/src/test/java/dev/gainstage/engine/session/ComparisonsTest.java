package dev.gainstage.engine.session;

import static dev.gainstage.engine.session.Blocks.block;
import static dev.gainstage.engine.session.Blocks.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session's level-matched A/B: what it refuses, the gain it matches by, and when it ends. */
class ComparisonsTest {
    private static final int RATE = 48_000;
    private static final String COMP = "vox/comp";

    @Test
    void refusesAnUnknownStageANonPluginAndAPluginNotMeasuredYetInOneLineEach() throws Exception {
        SessionEngine engine = Blocks.engine("compare");
        CompareLink link = new CompareLink();
        engine.attach(link, "compare");
        engine.onSnapshot(1, List.of(vox(true)));

        assertRefused(engine.startCompare("vox/nope"), "unknown stage id 'vox/nope'");
        assertRefused(
                engine.startCompare("vox/fader"),
                "Vox ▸ Fader is a fader, not a plugin: only a plugin can be compared");
        assertRefused(
                engine.startCompare(COMP),
                "no loudness measured through Vox ▸ Comp yet: play at least 3 s of audio through it, then compare");
        assertRefused(engine.switchCompare(CompareSide.A), "nothing is being compared");
        assertRefused(engine.endCompare(), "nothing is being compared");
        assertTrue(link.steps.isEmpty(), "nothing refused reaches the adapter: " + link.steps);
    }

    @Test
    void refusesABypassedPlugin() throws Exception {
        SessionEngine engine = Blocks.engine("compare");
        engine.attach(new CompareLink(), "compare");
        engine.onSnapshot(1, List.of(vox(false)));
        assertRefused(engine.startCompare(COMP), "Vox ▸ Comp is bypassed already: activate it to compare it");
    }

    @Test
    void matchesByTheMeasuredLoudnessChangeSwitchesAndEnds() throws Exception {
        SessionEngine engine = Blocks.engine("compare");
        CompareLink link = new CompareLink();
        engine.attach(link, "compare");
        engine.onSnapshot(1, List.of(vox(true)));
        play(engine, link, 0.1, 0.2, 6); // the plugin doubles the level: +6.02 dB

        CompareOutcome started = engine.startCompare(COMP).get(5, TimeUnit.SECONDS);
        assertTrue(started.applied(), started.message());
        CompareStep.Start start = assertInstanceOf(CompareStep.Start.class, link.steps.getFirst());
        assertEquals(COMP, start.stageId());
        assertEquals(CompareSide.B, start.side());
        assertEquals(20 * Math.log10(2), start.matchDb(), 0.05, "output minus input loudness");
        Comparison running = engine.state().compare().orElseThrow();
        assertEquals(CompareSide.B, running.side());
        assertTrue(running.matchOnPlugin(), "the adapter said the plugin's own output takes the match");
        assertRefused(engine.startCompare(COMP), "already comparing Vox ▸ Comp: end that comparison first");

        assertTrue(engine.switchCompare(CompareSide.A).get(5, TimeUnit.SECONDS).applied());
        assertEquals(new CompareStep.Switch(COMP, CompareSide.A), link.steps.get(1));
        assertEquals(CompareSide.A, engine.state().compare().orElseThrow().side());

        CompareOutcome ended = engine.endCompare().get(5, TimeUnit.SECONDS);
        assertTrue(ended.applied(), ended.message());
        assertEquals(new CompareStep.End(COMP), link.steps.get(2));
        assertTrue(engine.state().compare().isEmpty());
        assertTrue(ended.comparison().isEmpty());
    }

    @Test
    void theLastWatcherGoneEndsTheComparisonAndAnAdapterGoneForgetsIt() throws Exception {
        SessionEngine engine = Blocks.engine("compare");
        CompareLink link = new CompareLink();
        engine.attach(link, "compare");
        engine.onSnapshot(1, List.of(vox(true)));
        Runnable watcher = () -> {};
        engine.addListener(watcher);
        play(engine, link, 0.1, 0.05, 6);
        assertTrue(engine.startCompare(COMP).get(5, TimeUnit.SECONDS).applied());
        assertEquals(
                -20 * Math.log10(2),
                ((CompareStep.Start) link.steps.getFirst()).matchDb(),
                0.05,
                "a plugin that lowers the level matches by a negative change");

        engine.removeListener(watcher);
        assertEquals(new CompareStep.End(COMP), link.steps.getLast());
        assertTrue(engine.state().compare().isEmpty());

        assertTrue(engine.startCompare(COMP).get(5, TimeUnit.SECONDS).applied());
        engine.detach(link);
        assertTrue(engine.state().compare().isEmpty(), "the adapter restores on its own when its stream ends");
    }

    private static void assertRefused(CompletableFuture<CompareOutcome> f, String message) throws Exception {
        CompareOutcome o = f.get(5, TimeUnit.SECONDS);
        assertFalse(o.applied());
        assertEquals(message, o.message());
    }

    /** {@code seconds} of a 1 kHz sine entering the plugin at {@code inAmp} and leaving it at {@code outAmp}. */
    private static void play(SessionEngine engine, TestLink link, double inAmp, double outAmp, int seconds)
            throws TapBlockException {
        int in = handle(link, new TapKey(COMP, TapPoint.INPUT));
        int out = handle(link, new TapKey(COMP, TapPoint.OUTPUT));
        int frames = RATE / 10;
        for (int b = 0; b < seconds * 10; b++) {
            double phase = 2 * Math.PI * 1000 * b * frames / RATE;
            engine.onTaps(List.of(
                    block(in, RATE, (long) b * frames, sine(RATE, 1000, inAmp, phase, frames)),
                    block(out, RATE, (long) b * frames, sine(RATE, 1000, outAmp, phase, frames))));
        }
    }

    private static int handle(TestLink link, TapKey key) {
        return link.plan.entrySet().stream()
                .filter(e -> e.getValue().equals(key))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static Strip vox(boolean compActive) {
        return new Strip(
                "vox",
                "Vox",
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        new Stage("vox/source", StageKind.SOURCE, "Source", "", true, OptionalDouble.empty(), ""),
                        new Stage(COMP, StageKind.PLUGIN, "Comp", "urn:comp", compActive, OptionalDouble.empty(), ""),
                        new Stage("vox/fader", StageKind.FADER, "Fader", "", true, OptionalDouble.of(0), "")),
                List.of());
    }

    /** An adapter that applies every compare step at once, its plugin taking the match on its own output. */
    private static final class CompareLink extends TestLink {
        final List<CompareStep> steps = new ArrayList<>();

        @Override
        public boolean canApplyFixes() {
            return true;
        }

        @Override
        public CompletableFuture<CompareAnswer> requestCompare(CompareStep step) {
            steps.add(step);
            return CompletableFuture.completedFuture(new CompareAnswer(true, "done", step.stageId()));
        }
    }
}
