package dev.gainstage.adapter.ardour.bridge;

import dev.gainstage.proto.v1.StripKind;

/**
 * What an Ardour route is, as the bridge names it. Ardour 8's Surround Master is master-like (it ends the mix)
 * and has no Trim stage of its own (its surround return applies Trim inside; OSC shows it off).
 */
public enum RouteKind {
    TRACK("track", StripKind.STRIP_KIND_AUDIO_TRACK),
    MIDI_TRACK("miditrack", StripKind.STRIP_KIND_MIDI_TRACK),
    BUS("bus", StripKind.STRIP_KIND_BUS),
    MASTER("master", StripKind.STRIP_KIND_MASTER),
    SURROUND_MASTER("surround", StripKind.STRIP_KIND_MASTER),
    MONITOR("monitor", StripKind.STRIP_KIND_MONITOR);

    private final String wire;
    private final StripKind stripKind;

    RouteKind(String wire, StripKind stripKind) {
        this.wire = wire;
        this.stripKind = stripKind;
    }

    public StripKind stripKind() {
        return stripKind;
    }

    static RouteKind parse(String s) throws BridgeFormatException {
        for (RouteKind k : values()) {
            if (k.wire.equals(s)) {
                return k;
            }
        }
        throw new BridgeFormatException("unknown route kind '" + s + "'");
    }
}
