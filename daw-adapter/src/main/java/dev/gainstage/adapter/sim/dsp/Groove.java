package dev.gainstage.adapter.sim.dsp;

/**
 * The musical grid shared by the tonal and drum generators: a four-bar pattern of 4/4 at a tempo,
 * over a minor i–VI–III–VII progression, so that tracks with the same tempo play together.
 */
record Groove(int sampleRate, double bpm) {
    static final int BARS = 4;
    static final int BEATS_PER_BAR = 4;
    /** Chord root of each bar in semitones from the key's root: i, VI, III, VII. */
    private static final int[] ROOTS = {0, -4, 3, -2};
    /** Third of each bar's chord in semitones from the chord root: minor, major, major, major. */
    private static final int[] THIRDS = {3, 4, 4, 4};

    double beatFrames() {
        return sampleRate * 60.0 / bpm;
    }

    int frame(double beat) {
        return (int) Math.round(beat * beatFrames());
    }

    int periodFrames() {
        return frame(BARS * BEATS_PER_BAR);
    }

    int seconds(double s) {
        return (int) Math.round(s * sampleRate);
    }

    static int chordRoot(int bar) {
        return ROOTS[bar % BARS];
    }

    /** Root, third, fifth of the bar's chord, in semitones from the key's root. */
    static int[] triad(int bar) {
        int r = chordRoot(bar);
        return new int[] {r, r + THIRDS[bar % BARS], r + 7};
    }

    static double hz(double rootHz, double semitones) {
        return rootHz * Math.pow(2, semitones / 12.0);
    }
}
