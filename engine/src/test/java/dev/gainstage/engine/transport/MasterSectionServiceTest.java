package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.ResetMasterLoudnessRequest;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetDeliveryTargetRequest;
import dev.gainstage.proto.v1.SidecarMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master section over the protocol: its figures in the view, the delivery target and the reset. */
class MasterSectionServiceTest {
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
    void theTargetIsHeldPerSessionAndTheResetRestartsTheMastersMeasurement() throws Exception {
        sidecar = new TestSidecar(store);
        ManagedChannel channel = sidecar.channel;
        PanelServiceGrpc.PanelServiceBlockingStub panel =
                PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        TestAdapter adapter = new TestAdapter(channel);
        adapter.hello("deliver");
        adapter.snapshot(TestSession.session());
        adapter.await(SidecarMessage.BodyCase.ACK);
        adapter.await(SidecarMessage.BodyCase.TAPS);
        StatusRuntimeException early = assertThrows(
                StatusRuntimeException.class,
                () -> panel.resetMasterLoudness(ResetMasterLoudnessRequest.newBuilder()
                        .setSessionKey("deliver")
                        .build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, early.getStatus().getCode());

        adapter.streamSines(5, tap -> -12.0);
        SessionView playing = TestSession.awaitView(
                channel,
                "deliver",
                v -> v.getMaster().hasIntegratedLufs() && v.getMaster().getMeasuredSeconds() >= 4);
        assertEquals("master/output", playing.getMaster().getStageId());
        assertEquals(
                DeliveryPreset.DELIVERY_PRESET_NONE,
                playing.getMaster().getTarget().getPreset());
        assertEquals(3, playing.getChecklist().getStepsCount());
        assertTrue(
                playing.getMaster().getHistoryShortTermLufsCount() >= 3,
                playing.getMaster().toString());

        panel.setDeliveryTarget(SetDeliveryTargetRequest.newBuilder()
                .setSessionKey("deliver")
                .setPreset(DeliveryPreset.DELIVERY_PRESET_EBU_R128)
                .build());
        SessionView targeted =
                TestSession.awaitView(channel, "deliver", v -> v.getChecklist().getStepsCount() == 4);
        assertEquals(-23, targeted.getMaster().getTarget().getLoudnessLufs());
        assertEquals(-1, targeted.getMaster().getTarget().getTruePeakCeilingDbtp());
        ChecklistStep deliver = targeted.getChecklist().getSteps(3);
        assertEquals("Ready to deliver", deliver.getTitle());
        assertTrue(deliver.getOptional());

        panel.resetMasterLoudness(
                ResetMasterLoudnessRequest.newBuilder().setSessionKey("deliver").build());
        SessionView reset =
                TestSession.awaitView(channel, "deliver", v -> v.getMaster().getMeasuredSeconds() < 1);
        assertTrue(!reset.getMaster().hasIntegratedLufs(), reset.getMaster().toString());
        assertEquals(0, reset.getMaster().getHistoryShortTermLufsCount());
        assertEquals(
                DeliveryPreset.DELIVERY_PRESET_EBU_R128,
                reset.getMaster().getTarget().getPreset(),
                "the target stays");
        adapter.close();
    }
}
