package dev.gainstage.adapter.sim.corpus;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** The corpus's MIDI parts, written as General MIDI sequences for fluidsynth to render. */
final class Midi {
    private static final int PPQ = 480;
    /** The first bar starts half a second in, as the drums do (at 96 bpm, 0.5 s is 400 ticks). */
    private static final int START = 400;

    private Midi() {}

    /** Fingered bass (program 34), half notes over a four-bar progression, velocity varying with the phrase. */
    static Sequence bassLine(double bpm) {
        int[] roots = {33, 33, 29, 29, 36, 36, 31, 31}; // A1 A1 F1 F1 C2 C2 G1 G1: two half notes a bar
        return part(bpm, 33, (track, bar) -> {
            for (int h = 0; h < 2; h++) {
                int note = roots[(bar * 2 + h) % roots.length];
                int velocity = 80 + ((bar + h) % 3) * 12;
                note(track, 0, note, velocity, START + bar * 4 * PPQ + h * 2 * PPQ, 2 * PPQ - 60);
            }
        });
    }

    /** Acoustic grand (program 0): a chord on 1 held for three beats, a softer one on the "and" of 4, pedal tails. */
    static Sequence pianoChords(double bpm) {
        int[][] chords = {{57, 60, 64}, {53, 57, 60}, {48, 52, 55, 60}, {55, 59, 62}};
        return part(bpm, 0, (track, bar) -> {
            int[] chord = chords[bar % chords.length];
            int t = START + bar * 4 * PPQ;
            for (int n : chord) {
                note(track, 0, n, 70 + (bar % 4) * 10, t, 3 * PPQ);
                note(track, 0, n + 12, 45, t + 3 * PPQ + PPQ / 2, PPQ / 2);
            }
        });
    }

    private interface Bar {
        void write(Track track, int bar) throws InvalidMidiDataException;
    }

    private static Sequence part(double bpm, int program, Bar bar) {
        try {
            Sequence s = new Sequence(Sequence.PPQ, PPQ);
            Track track = s.createTrack();
            int micros = (int) Math.round(60_000_000 / bpm);
            track.add(new MidiEvent(
                    new MetaMessage(0x51, new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 3),
                    0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
            int bars = (int) Math.floor(RealCorpus.SECONDS / (4 * 60 / bpm)) - 1;
            for (int b = 0; b < bars; b++) {
                bar.write(track, b);
            }
            return s;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void note(Track track, int channel, int note, int velocity, long tick, int length)
            throws InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, note, velocity), tick));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, note, 0), tick + length));
    }
}
