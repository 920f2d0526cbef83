package dev.gainstage.adapter.sim;

import java.nio.file.Path;

/** Builds renderers from text-format sessions written inline in tests. */
final class TestSessions {
    private TestSessions() {}

    static SimSessionRenderer renderer(String textproto) {
        try {
            return SimSessionRenderer.create(SimSessions.parse(textproto, "test"), Path.of("."));
        } catch (SimSessionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A mono 1 kHz sine track (1 kHz at 48 kHz puts a sample on every crest: its sample peak is exact). */
    static String sineTrack(String id, int channels, double peakDbfs, String extra) {
        return "tracks { id: \"" + id + "\" channels: " + channels + " source { generator { type: SIM_SINE peak_dbfs: "
                + peakDbfs + " frequency_hz: 1000 } } " + extra + " }\n";
    }

    static String sineTrack(String id, int channels, double peakDbfs) {
        return sineTrack(id, channels, peakDbfs, "");
    }
}
