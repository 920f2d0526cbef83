package dev.gainstage.engine.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.RuleConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The checklist's "Ready to deliver" against each preset, from the master's readings. */
class DeliveryCheckTest {
    private static final TapKey MASTER_OUT = new TapKey("master/output", TapPoint.OUTPUT);
    private static final SessionGraph GRAPH = graph();

    private static SessionGraph graph() {
        try {
            return SessionGraph.of(List.of(new Strip(
                    "master",
                    "Master",
                    StripKind.MASTER,
                    2,
                    List.of(
                            new Stage(
                                    "master/source",
                                    StageKind.SOURCE,
                                    "Master input",
                                    "",
                                    true,
                                    OptionalDouble.empty(),
                                    ""),
                            new Stage(
                                    "master/output", StageKind.OUTPUT, "Output", "", true, OptionalDouble.empty(), "")),
                    List.of())));
        } catch (GraphException e) {
            throw new AssertionError(e);
        }
    }

    /** The master's programme: integrated loudness, maximum true and sample peak, seconds of signal. */
    private static MeterReading programme(double integrated, double maxTruePeak, double maxPeak, double seconds) {
        return new MeterReading(
                Math.round(seconds * 48000),
                seconds,
                maxPeak,
                maxTruePeak,
                integrated - 3,
                integrated,
                integrated,
                maxPeak,
                maxTruePeak,
                integrated,
                5,
                integrated,
                integrated,
                integrated - 3,
                10,
                0,
                0,
                0,
                Double.NaN,
                Double.NaN,
                seconds);
    }

    private static ChecklistItem deliver(DeliveryTarget target, MeterReading master) {
        Checklist c = ChecklistEvaluator.evaluate(
                GRAPH, k -> k.equals(MASTER_OUT) ? master : null, List.of(), Map.of(), RuleConfig.defaults(), target);
        ChecklistStep step = c.steps().getLast();
        assertEquals(DeliveryCheck.STEP, step.number());
        assertEquals("Ready to deliver", step.title());
        assertEquals(1, step.items().size());
        return step.items().getFirst();
    }

    @Test
    void withoutATargetTheStepIsAbsent() {
        Checklist c = ChecklistEvaluator.evaluate(
                GRAPH,
                k -> programme(-14, -2, -3, 30),
                List.of(),
                Map.of(),
                RuleConfig.defaults(),
                DeliveryTarget.NONE);
        assertEquals(
                List.of(1, 2, 3), c.steps().stream().map(ChecklistStep::number).toList());
    }

    @Test
    void streamingWantsMinus14WithinOneLuAndTruePeakAtMostMinus1() {
        assertEquals(
                ItemState.PASSING,
                deliver(DeliveryTarget.STREAMING, programme(-14.8, -1.2, -1.5, 30))
                        .state());
        assertEquals(
                ItemState.PASSING,
                deliver(DeliveryTarget.STREAMING, programme(-13.1, -1.0, -1.5, 30))
                        .state());
        ChecklistItem quiet = deliver(DeliveryTarget.STREAMING, programme(-16.0, -3, -3.5, 30));
        assertEquals(ItemState.FAILING, quiet.state());
        assertEquals("integrated -16.0 LUFS, 2.0 LU below the target -14 LUFS", quiet.detail());
        ChecklistItem peaky = deliver(DeliveryTarget.STREAMING, programme(-14.0, -0.4, -0.8, 30));
        assertEquals(ItemState.FAILING, peaky.state());
        assertEquals("true peak -0.4 dBTP, above the ceiling -1 dBTP", peaky.detail());
        assertTrue(quiet.text().contains("-14 LUFS \u00B11 LU, true peak \u2264 -1 dBTP"), quiet.text());
    }

    @Test
    void appleMusicAndEbuHaveTheirOwnTargets() {
        assertEquals(
                ItemState.PASSING,
                deliver(DeliveryTarget.APPLE_MUSIC, programme(-16.4, -1.5, -2, 30))
                        .state());
        assertEquals(
                ItemState.FAILING,
                deliver(DeliveryTarget.APPLE_MUSIC, programme(-14.0, -1.5, -2, 30))
                        .state());
        assertEquals(
                ItemState.PASSING,
                deliver(DeliveryTarget.EBU_R128, programme(-23.0, -5, -6, 30)).state());
        ChecklistItem loud = deliver(DeliveryTarget.EBU_R128, programme(-21.5, -5, -6, 30));
        assertEquals("integrated -21.5 LUFS, 1.5 LU above the target -23 LUFS", loud.detail());
    }

    @Test
    void aPreMasterWantsPeaksBetweenMinus6AndMinus3WhateverItsLoudness() {
        assertEquals(
                ItemState.PASSING,
                deliver(DeliveryTarget.PRE_MASTER, programme(-30, -4, -4.5, 30)).state());
        ChecklistItem hot = deliver(DeliveryTarget.PRE_MASTER, programme(-10, -1.5, -2.0, 30));
        assertEquals(ItemState.FAILING, hot.state());
        assertEquals("peaks at -2.0 dBFS, above -3 dBFS: lower the master by 1.0 dB", hot.detail());
        ChecklistItem low = deliver(DeliveryTarget.PRE_MASTER, programme(-20, -7, -8.0, 30));
        assertEquals("peaks at -8.0 dBFS, below -6 dBFS: raise the master by 2.0 dB", low.detail());
    }

    @Test
    void itWaitsForProgrammeAndCanBeAcknowledged() {
        ChecklistItem early = deliver(DeliveryTarget.STREAMING, programme(-20, -3, -4, 1.5));
        assertEquals(ItemState.PENDING, early.state());
        assertEquals("waiting: 1.5 s of programme (judged after 3 s)", early.detail());
        assertEquals(ItemState.PENDING, deliver(DeliveryTarget.STREAMING, null).state());
        Checklist acked = ChecklistEvaluator.evaluate(
                GRAPH,
                k -> programme(-20, -3, -4, 30),
                List.of(),
                Map.of("deliver:master/output", "delivered elsewhere"),
                RuleConfig.defaults(),
                DeliveryTarget.STREAMING);
        assertEquals(
                ItemState.ACKNOWLEDGED,
                acked.steps().getLast().items().getFirst().state());
    }

    @Test
    void targetsAreSavedByTheirIdAndAnUnknownOneIsNamed() {
        for (DeliveryTarget t : DeliveryTarget.values()) {
            assertEquals(t, DeliveryTarget.ofId(t.id()));
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> DeliveryTarget.ofId("cd"));
        assertTrue(e.getMessage().startsWith("no delivery target 'cd'"), e.getMessage());
    }
}
