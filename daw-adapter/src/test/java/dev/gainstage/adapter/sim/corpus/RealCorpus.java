package dev.gainstage.adapter.sim.corpus;

import dev.gainstage.adapter.ardour.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A corpus of real recorded material, built at test time from Debian packages (no audio is committed): the stems
 * of a short song at 48 kHz, each with the dynamics of a real recording.
 *
 * <ul>
 *   <li>{@code kick}, {@code snare}, {@code hats}: hydrogen-drumkits' recorded ColomboAcousticDrumkit (stereo
 *       close/room mics), sequenced into a groove at 96 bpm with velocity variation; each hit picks the kit's sample
 *       layer for its velocity, as Hydrogen does;
 *   <li>{@code bass} (half notes, fingered bass) and {@code keys} (piano chords with their release tails),
 *       rendered by fluidsynth from fluid-soundfont-gm, from MIDI written here;
 *   <li>{@code vox}: the spoken phrases alsa-utils ships (mono, 48 kHz), a few words with gaps between them;
 *   <li>{@code keys-tremolo}: the keys through a deep 5 Hz tremolo; {@code vox-noisy}: the voice over a steady hiss
 *       {@link #NOISY_FLOOR_BELOW_PEAK_DB} dB below its peak.
 * </ul>
 *
 * Every stem is normalised to a sample peak of {@link #STEM_PEAK_DBFS}, a well-recorded level, so a session sets
 * levels with its trims. The corpus is built once per JVM temp folder and version, and reused.
 */
public final class RealCorpus {
    public static final int SAMPLE_RATE = 48_000;
    public static final double STEM_PEAK_DBFS = -12;
    /** The song's length: 12 bars at 96 bpm. */
    public static final double SECONDS = 30;

    static final double BPM = 96;
    static final List<String> STEMS =
            List.of("kick", "snare", "hats", "bass", "keys", "vox", "keys-tremolo", "vox-noisy");
    /** The steady noise floor of {@code vox-noisy}, below the stem's peak: a noisy room or preamp. */
    public static final double NOISY_FLOOR_BELOW_PEAK_DB = 37;

    private static final String VERSION = "v2";
    private static final Path KIT = Path.of("/usr/share/hydrogen/data/drumkits/ColomboAcousticDrumkit");
    private static final Path SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
    private static final Path VOICES = Path.of("/usr/share/sounds/alsa");

    private RealCorpus() {}

    /** The folder of stems ({@code NAME.wav}), building it first when needed. */
    public static synchronized Path stems() throws IOException, InterruptedException {
        requireParts();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "gainstage-corpus-" + VERSION);
        if (STEMS.stream().allMatch(s -> Files.isRegularFile(dir.resolve(s + ".wav")))) {
            return dir;
        }
        Path work = Files.createTempDirectory("gainstage-corpus-build");
        int frames = (int) (SECONDS * SAMPLE_RATE);
        Drums drums = new Drums(work, frames);
        write(work, "kick", drums.kick());
        write(work, "snare", drums.snare());
        write(work, "hats", drums.hats());
        write(work, "bass", render(work, "bass", Midi.bassLine(BPM), frames));
        write(work, "keys", render(work, "keys", Midi.pianoChords(BPM), frames));
        write(work, "keys-tremolo", tremolo(Wav.read(work.resolve("keys.wav")), 5, 0.9));
        write(work, "vox", voice(work, frames));
        write(work, "vox-noisy", withNoiseFloor(Wav.read(work.resolve("vox.wav")), NOISY_FLOOR_BELOW_PEAK_DB));
        Files.createDirectories(dir);
        for (String s : STEMS) {
            Files.move(
                    work.resolve(s + ".wav"),
                    dir.resolve(s + ".wav"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private static void requireParts() {
        RealParts.require(Files.isDirectory(KIT), "hydrogen-drumkits is not installed (" + KIT + ")");
        RealParts.require(Files.isRegularFile(SOUNDFONT), "fluid-soundfont-gm is not installed (" + SOUNDFONT + ")");
        RealParts.require(Files.isRegularFile(VOICES.resolve("Front_Center.wav")), "alsa-utils is not installed");
        RealParts.require(onPath("fluidsynth"), "fluidsynth is not installed");
        RealParts.require(onPath("sox"), "sox is not installed");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Normalises to the stem peak and writes 24-bit WAV. */
    private static void write(Path dir, String name, float[][] audio) throws IOException {
        double peak = 0;
        for (float[] ch : audio) {
            for (float v : ch) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        if (peak == 0) {
            throw new IOException("the " + name + " stem came out silent");
        }
        double g = Math.pow(10, STEM_PEAK_DBFS / 20) / peak;
        for (float[] ch : audio) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] *= (float) g;
            }
        }
        Wav.write(dir.resolve(name + ".wav"), audio, SAMPLE_RATE);
    }

    /** An amplitude tremolo of {@code depth} (0..1) at {@code hz}, as a tremolo pedal or a Leslie gives. */
    private static float[][] tremolo(float[][] audio, double hz, double depth) {
        for (float[] ch : audio) {
            for (int i = 0; i < ch.length; i++) {
                double lfo = 0.5 * (1 + Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
                ch[i] *= (float) (1 - depth * lfo);
            }
        }
        return audio;
    }

    /**
     * The stem (already at the stem peak) with a steady floor of white noise {@code belowPeakDb} under its peak (RMS):
     * hiss that is there in the gaps between phrases as much as under them.
     */
    private static float[][] withNoiseFloor(float[][] audio, double belowPeakDb) {
        SplittableRandom random = new SplittableRandom(11);
        double rms = Math.pow(10, (STEM_PEAK_DBFS - belowPeakDb) / 20);
        double uniform = rms * Math.sqrt(3); // a uniform distribution on [-a, a] has an RMS of a / sqrt(3)
        for (float[] ch : audio) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] += (float) ((random.nextDouble() * 2 - 1) * uniform);
            }
        }
        return audio;
    }

    /** Renders a MIDI file with fluidsynth (dry: no reverb, no chorus) and reads it back at the song's length. */
    private static float[][] render(Path work, String name, javax.sound.midi.Sequence midi, int frames)
            throws IOException, InterruptedException {
        Path mid = work.resolve(name + ".mid");
        Path wav = work.resolve(name + "-render.wav");
        javax.sound.midi.MidiSystem.write(midi, 1, mid.toFile());
        run(List.of(
                "fluidsynth",
                "-q",
                "-n",
                "-i",
                "-R",
                "0",
                "-C",
                "0",
                "-g",
                "0.6",
                "-r",
                Integer.toString(SAMPLE_RATE),
                "-O",
                "s24",
                "-T",
                "wav",
                "-F",
                wav.toString(),
                SOUNDFONT.toString(),
                mid.toString()));
        return Wav.fit(Wav.read(wav), frames);
    }

    /** A few spoken phrases with gaps: where each starts, in seconds, and which recording it is. */
    private static float[][] voice(Path work, int frames) throws IOException, InterruptedException {
        String[] phrases = {"Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Side_Left", "Rear_Right"};
        float[] out = new float[frames];
        SplittableRandom random = new SplittableRandom(7);
        double at = 1.0;
        int i = 0;
        while (at < SECONDS - 2) {
            float[] phrase = Wav.read(VOICES.resolve(phrases[i % phrases.length] + ".wav"))[0];
            // a speaker's level varies from phrase to phrase
            float g = (float) Math.pow(10, (random.nextDouble() * 6 - 3) / 20);
            int start = (int) (at * SAMPLE_RATE);
            for (int k = 0; k < phrase.length && start + k < frames; k++) {
                out[start + k] += g * phrase[k];
            }
            at += phrase.length / (double) SAMPLE_RATE + 0.8 + random.nextDouble() * 1.5;
            i++;
        }
        return new float[][] {out};
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** The recorded kit, sequenced: one stem per instrument. */
    private static final class Drums {
        private final Path work;
        private final int frames;
        private final SplittableRandom random = new SplittableRandom(42);

        Drums(Path work, int frames) {
            this.work = work;
            this.frames = frames;
        }

        /** Kick on 1 and the "and" of 3, plus a pickup every fourth bar. */
        float[][] kick() throws IOException, InterruptedException {
            Layered kick = new Layered(
                    new Layer("bassdrum-4mics-br-stereo-soft2.flac", 0, 0.49),
                    new Layer("bassdrum-4mics-br-stereo-soft4.flac", 0.49, 0.72),
                    new Layer("bassdrum-4mics-br-stereo-normal3.flac", 0.72, 1));
            List<double[]> hits = new ArrayList<>();
            for (int bar = 0; bar < bars(); bar++) {
                hits.add(new double[] {beat(bar, 0), velocity(0.85)});
                hits.add(new double[] {beat(bar, 2.5), velocity(0.7)});
                if (bar % 4 == 3) {
                    hits.add(new double[] {beat(bar, 3.5), velocity(0.55)});
                }
            }
            return sequence(kick, hits);
        }

        /** Backbeat on 2 and 4, a ghost note now and then. */
        float[][] snare() throws IOException, InterruptedException {
            Layered snare = new Layered(
                    new Layer("snare-opaque-normal-mic-normal_shot2.flac", 0, 0.29),
                    new Layer("snare-opaque-normal-mic-rimshot7.flac", 0.29, 0.66),
                    new Layer("snare-opaque-normal-mic-rimshot6.flac", 0.66, 1));
            List<double[]> hits = new ArrayList<>();
            for (int bar = 0; bar < bars(); bar++) {
                hits.add(new double[] {beat(bar, 1), velocity(0.8)});
                hits.add(new double[] {beat(bar, 3), velocity(0.85)});
                if (bar % 2 == 1) {
                    hits.add(new double[] {beat(bar, 3.75), velocity(0.25)});
                }
            }
            return sequence(snare, hits);
        }

        /** Eighth notes, accented on the beat, an open hat at the end of every second bar. */
        float[][] hats() throws IOException, InterruptedException {
            Layered closed = new Layered(
                    new Layer("hihat-closed-6.flac", 0, 0.57),
                    new Layer("hihat-closed-1.flac", 0.57, 0.85),
                    new Layer("hihat-closed-4.flac", 0.85, 1));
            Layered open = new Layered(new Layer("hihat-open-5.flac", 0, 1));
            List<double[]> hits = new ArrayList<>();
            List<double[]> opens = new ArrayList<>();
            for (int bar = 0; bar < bars(); bar++) {
                for (int e = 0; e < 8; e++) {
                    if (bar % 2 == 1 && e == 7) {
                        opens.add(new double[] {beat(bar, 3.5), velocity(0.6)});
                    } else {
                        hits.add(new double[] {beat(bar, e / 2.0), velocity(e % 2 == 0 ? 0.75 : 0.5)});
                    }
                }
            }
            float[][] out = sequence(closed, hits);
            float[][] o = sequence(open, opens);
            for (int c = 0; c < out.length; c++) {
                for (int i = 0; i < frames; i++) {
                    out[c][i] += o[c][i];
                }
            }
            return out;
        }

        private int bars() {
            return (int) Math.floor(SECONDS / (4 * 60 / BPM)) - 1;
        }

        /** Seconds of a beat, a little late or early as a drummer plays it; the first bar starts at 0.5 s. */
        private double beat(int bar, double beat) {
            return 0.5 + (bar * 4 + beat) * 60 / BPM + (random.nextDouble() - 0.5) * 0.012;
        }

        private double velocity(double mean) {
            return Math.max(0.05, Math.min(1, mean + (random.nextDouble() - 0.5) * 0.2));
        }

        private float[][] sequence(Layered instrument, List<double[]> hits) throws IOException, InterruptedException {
            float[][] out = new float[2][frames];
            for (double[] hit : hits) {
                float[][] sample = instrument.sample(work, hit[1]);
                int start = (int) Math.round(hit[0] * SAMPLE_RATE);
                float g = (float) hit[1];
                for (int c = 0; c < 2; c++) {
                    float[] src = sample[Math.min(c, sample.length - 1)];
                    for (int k = 0; k < src.length && start + k < frames; k++) {
                        out[c][start + k] += g * src[k];
                    }
                }
            }
            return out;
        }
    }

    private record Layer(String file, double min, double max) {}

    /** An instrument of the kit: its velocity layers, each decoded (sox: FLAC to WAV at 48 kHz) on first use. */
    private static final class Layered {
        private final Layer[] layers;
        private final float[][][] decoded;

        Layered(Layer... layers) {
            this.layers = layers;
            this.decoded = new float[layers.length][][];
        }

        float[][] sample(Path work, double velocity) throws IOException, InterruptedException {
            int i = 0;
            while (i < layers.length - 1 && velocity > layers[i].max()) {
                i++;
            }
            if (decoded[i] == null) {
                Path wav = work.resolve(layers[i].file().replace(".flac", ".wav"));
                run(List.of(
                        "sox",
                        KIT.resolve(layers[i].file()).toString(),
                        "-b",
                        "24",
                        "-r",
                        Integer.toString(SAMPLE_RATE),
                        wav.toString()));
                decoded[i] = Wav.read(wav);
            }
            return decoded[i];
        }
    }
}
