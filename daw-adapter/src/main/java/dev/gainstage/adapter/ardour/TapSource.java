package dev.gainstage.adapter.ardour;

import java.util.List;

/**
 * Where one tap point's audio comes from in JACK: Ardour port names without the client prefix
 * ("send 3/audio_send 1", "Vox/audio_out 1"), one per channel, and a gain the adapter applies before sending
 * (not 1 only for the source, which Ardour lets us read after Trim alone: Trim's gain is divided out).
 */
public record TapSource(List<String> ports, double gain) {
    public TapSource {
        ports = List.copyOf(ports);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a tap source has at least one port");
        }
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("a tap gain is a positive finite factor, not " + gain);
        }
    }

    public TapSource(List<String> ports) {
        this(ports, 1.0);
    }

    public int channels() {
        return ports.size();
    }
}
