package dev.gainstage.engine.graph;

/** What a strip is; rules depend on it (only tracks have a recorded source, buses and master sum). */
public enum StripKind {
    AUDIO_TRACK,
    MIDI_TRACK,
    BUS,
    MASTER,
    MONITOR;

    public boolean isTrack() {
        return this == AUDIO_TRACK || this == MIDI_TRACK;
    }
}
