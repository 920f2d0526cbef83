package dev.gainstage.adapter.ardour.jack;

import java.util.Arrays;

/**
 * The tap points one captured signal serves: the sidecar's handles, each with the gain the streamer applies
 * (several stages share a signal, e.g. Trim's output and the first plugin's input).
 */
public record Fanout(int[] handles, float[] gains) {
    public Fanout {
        if (handles.length != gains.length) {
            throw new IllegalArgumentException("one gain per handle");
        }
        handles = handles.clone();
        gains = gains.clone();
    }

    @Override
    public int[] handles() {
        return handles.clone();
    }

    public int size() {
        return handles.length;
    }

    public int handle(int i) {
        return handles[i];
    }

    public float gain(int i) {
        return gains[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fanout f && Arrays.equals(handles, f.handles) && Arrays.equals(gains, f.gains);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(handles) + Arrays.hashCode(gains);
    }

    @Override
    public String toString() {
        return "Fanout" + Arrays.toString(handles) + Arrays.toString(gains);
    }
}
