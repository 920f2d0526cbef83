package dev.gainstage.adapter.ardour.bridge;

import dev.gainstage.proto.v1.StageKind;

/** The processors of a route that are gainstage stages, as the bridge names them. */
public enum ProcessorKind {
    TRIM("trim", StageKind.STAGE_KIND_TRIM),
    PLUGIN("plugin", StageKind.STAGE_KIND_PLUGIN),
    SEND("send", StageKind.STAGE_KIND_SEND),
    FADER("fader", StageKind.STAGE_KIND_FADER),
    OUTPUT("output", StageKind.STAGE_KIND_OUTPUT);

    private final String wire;
    private final StageKind stageKind;

    ProcessorKind(String wire, StageKind stageKind) {
        this.wire = wire;
        this.stageKind = stageKind;
    }

    public StageKind stageKind() {
        return stageKind;
    }

    static ProcessorKind parse(String s) throws BridgeFormatException {
        for (ProcessorKind k : values()) {
            if (k.wire.equals(s)) {
                return k;
            }
        }
        throw new BridgeFormatException("unknown processor kind '" + s + "'");
    }
}
