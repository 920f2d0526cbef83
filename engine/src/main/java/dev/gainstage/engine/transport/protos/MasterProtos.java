package dev.gainstage.engine.transport.protos;

import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.session.MasterLoudness;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;

/** The master section's figures and the delivery targets, domain ↔ protocol. */
public final class MasterProtos {
    private MasterProtos() {}

    public static dev.gainstage.proto.v1.MasterLoudness master(MasterLoudness m) {
        dev.gainstage.proto.v1.MasterLoudness.Builder b = dev.gainstage.proto.v1.MasterLoudness.newBuilder()
                .setStageId(m.stageId())
                .setMeasuredSeconds(m.measuredSeconds())
                .setTarget(target(m.target()))
                .addAllHistoryShortTermLufs(m.history())
                .setHistoryStepSeconds(MasterLoudness.HISTORY_STEP_SECONDS)
                .setHistoryEndSeconds(m.historyEndSeconds());
        if (MeterReading.has(m.momentaryLufs())) {
            b.setMomentaryLufs(m.momentaryLufs());
        }
        if (MeterReading.has(m.shortTermLufs())) {
            b.setShortTermLufs(m.shortTermLufs());
        }
        if (MeterReading.has(m.integratedLufs())) {
            b.setIntegratedLufs(m.integratedLufs());
        }
        if (MeterReading.has(m.loudnessRangeLu())) {
            b.setLoudnessRangeLu(m.loudnessRangeLu());
        }
        if (MeterReading.has(m.truePeakDbtp())) {
            b.setTruePeakDbtp(m.truePeakDbtp());
        }
        if (MeterReading.has(m.samplePeakDbfs())) {
            b.setSamplePeakDbfs(m.samplePeakDbfs());
        }
        return b.build();
    }

    public static DeliveryTargetView target(DeliveryTarget t) {
        DeliveryTargetView.Builder b = DeliveryTargetView.newBuilder()
                .setPreset(preset(t))
                .setName(t.label())
                .setDescription(t.describe())
                .setToleranceLu(t.hasLoudness() ? DeliveryTarget.TOLERANCE_LU : 0);
        if (t.hasLoudness()) {
            b.setLoudnessLufs(t.loudnessLufs());
            b.setTruePeakCeilingDbtp(t.truePeakCeilingDbtp());
        }
        if (MeterReading.has(t.peakMinDbfs())) {
            b.setPeakMinDbfs(t.peakMinDbfs());
            b.setPeakMaxDbfs(t.peakMaxDbfs());
        }
        return b.build();
    }

    public static DeliveryPreset preset(DeliveryTarget t) {
        return switch (t) {
            case NONE -> DeliveryPreset.DELIVERY_PRESET_NONE;
            case STREAMING -> DeliveryPreset.DELIVERY_PRESET_STREAMING;
            case APPLE_MUSIC -> DeliveryPreset.DELIVERY_PRESET_APPLE_MUSIC;
            case EBU_R128 -> DeliveryPreset.DELIVERY_PRESET_EBU_R128;
            case PRE_MASTER -> DeliveryPreset.DELIVERY_PRESET_PRE_MASTER;
        };
    }

    /** The target a preset names; a clear error for a number this sidecar does not know. */
    public static DeliveryTarget target(DeliveryPreset p) {
        return switch (p) {
            case DELIVERY_PRESET_NONE -> DeliveryTarget.NONE;
            case DELIVERY_PRESET_STREAMING -> DeliveryTarget.STREAMING;
            case DELIVERY_PRESET_APPLE_MUSIC -> DeliveryTarget.APPLE_MUSIC;
            case DELIVERY_PRESET_EBU_R128 -> DeliveryTarget.EBU_R128;
            case DELIVERY_PRESET_PRE_MASTER -> DeliveryTarget.PRE_MASTER;
            case UNRECOGNIZED -> throw new IllegalArgumentException("unknown delivery preset");
        };
    }
}
