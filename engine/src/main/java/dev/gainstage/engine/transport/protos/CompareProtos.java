package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.session.CompareOutcome;
import dev.gainstage.engine.session.CompareSide;
import dev.gainstage.engine.session.CompareStep;
import dev.gainstage.engine.session.Comparison;
import dev.gainstage.proto.v1.CompareAction;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.CompareView;

/** The level-matched A/B between its domain form and the protocol. */
public final class CompareProtos {
    private CompareProtos() {}

    public static CompareCommand command(String compareId, CompareStep step) {
        CompareCommand.Builder b =
                CompareCommand.newBuilder().setCompareId(compareId).setStageId(step.stageId());
        switch (step) {
            case CompareStep.Start s ->
                b.setAction(CompareAction.COMPARE_ACTION_START)
                        .setSide(toProto(s.side()))
                        .setMatchDb(s.matchDb());
            case CompareStep.Switch s ->
                b.setAction(CompareAction.COMPARE_ACTION_SWITCH).setSide(toProto(s.side()));
            case CompareStep.End e -> b.setAction(CompareAction.COMPARE_ACTION_END);
        }
        return b.build();
    }

    public static CompareView view(Comparison c) {
        return CompareView.newBuilder()
                .setStageId(c.stageId())
                .setStageName(c.stageName())
                .setStripName(c.stripName())
                .setSide(toProto(c.side()))
                .setMatchDb(c.matchDb())
                .setMatchStageId(c.matchStageId())
                .setMatchOnPlugin(c.matchOnPlugin())
                .build();
    }

    public static CompareResponse response(CompareOutcome o) {
        CompareResponse.Builder b =
                CompareResponse.newBuilder().setApplied(o.applied()).setMessage(o.message());
        o.comparison().ifPresent(c -> b.setCompare(view(c)));
        return b.build();
    }

    public static dev.gainstage.proto.v1.CompareSide toProto(CompareSide side) {
        return side == CompareSide.A
                ? dev.gainstage.proto.v1.CompareSide.COMPARE_SIDE_A
                : dev.gainstage.proto.v1.CompareSide.COMPARE_SIDE_B;
    }

    /** A or B; an unset side is refused by name. */
    public static CompareSide side(dev.gainstage.proto.v1.CompareSide side) {
        return switch (side) {
            case COMPARE_SIDE_A -> CompareSide.A;
            case COMPARE_SIDE_B -> CompareSide.B;
            default -> throw new IllegalArgumentException("side must be COMPARE_SIDE_A or COMPARE_SIDE_B, not " + side);
        };
    }
}
