package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.jack.CapturePlan;
import dev.gainstage.adapter.ardour.jack.Fanout;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.jack.TapRing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample peak of every channel of some tap sources, read from JACK by a client of the test's own (the adapter's
 * JACK client class, in a JVM of its own): what each Ardour port carries, channel by channel, where the sidecar
 * sees only the loudest channel of a tap.
 *
 * <p>A JVM of its own ({@link ChildJvm} says why).
 */
final class ChannelPeaks {
    private ChannelPeaks() {}

    /**
     * Captures the sources for {@code millis} of audio and returns each one's peak per channel in dBFS (the tap's
     * gain applied), in the order given; -Infinity for a silent channel.
     */
    static Map<String, double[]> measure(Map<String, TapSource> sources, long millis) throws Exception {
        List<String> args = new ArrayList<>(List.of(Long.toString(millis)));
        for (Map.Entry<String, TapSource> e : sources.entrySet()) {
            // label, gain, ports: one argument each, in that order
            args.add(e.getKey());
            args.add(Double.toString(e.getValue().gain()));
            args.add(String.join("\t", e.getValue().ports()));
        }
        String out = ChildJvm.run(ChannelPeaks.class, args, millis + 30_000);
        Map<String, double[]> peaks = new LinkedHashMap<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("peaks\t")) {
                String[] f = line.split("\t");
                peaks.put(
                        f[1],
                        Arrays.stream(f, 2, f.length)
                                .mapToDouble(Double::parseDouble)
                                .toArray());
            }
        }
        if (!peaks.keySet().equals(sources.keySet())) {
            throw new AssertionError("the measuring JVM answered for " + peaks.keySet() + ":\n" + out);
        }
        return peaks;
    }

    /** The measuring JVM: MILLIS then (LABEL GAIN PORTS) per source; prints "peaks LABEL dB..." lines. */
    public static void main(String[] args) throws Exception {
        Map<String, TapSource> sources = new LinkedHashMap<>();
        for (int i = 1; i + 2 < args.length; i += 3) {
            sources.put(args[i], new TapSource(List.of(args[i + 2].split("\t")), Double.parseDouble(args[i + 1])));
        }
        for (Map.Entry<String, double[]> e :
                capture(sources, Long.parseLong(args[0])).entrySet()) {
            StringBuilder b = new StringBuilder("peaks\t").append(e.getKey());
            for (double d : e.getValue()) {
                b.append('\t').append(d);
            }
            System.out.println(b);
        }
        System.exit(0);
    }

    private static Map<String, double[]> capture(Map<String, TapSource> sources, long millis) throws Exception {
        try (JackTapClient client = new JackTapClient("gainstage-channel-peaks", false)) {
            client.open();
            List<String> labels = new ArrayList<>(sources.keySet());
            Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                wanted.putIfAbsent(sources.get(labels.get(i)).ports(), new Fanout(new int[] {i}, new float[] {1}));
            }
            CapturePlan plan = client.update(wanted);
            int channels = wanted.keySet().stream().mapToInt(List::size).sum();
            long wireDeadline = System.nanoTime() + 10_000_000_000L;
            int wired;
            while ((wired = client.wire()) < channels && System.nanoTime() < wireDeadline) {
                Thread.sleep(100);
            }
            if (wired < channels) {
                throw new AssertionError(
                        "only " + wired + " of " + channels + " tap channels found in JACK: " + sources);
            }
            List<List<String>> order = new ArrayList<>(wanted.keySet());
            float[][] peaks = new float[order.size()][];
            for (int s = 0; s < order.size(); s++) {
                peaks[s] = new float[order.get(s).size()];
            }
            long frames = 0;
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < deadline) {
                TapRing.Period p = plan.ring().peek();
                if (p == null) {
                    Thread.sleep(1);
                    continue;
                }
                float[] samples = p.samples();
                int off = 0;
                for (int s = 0; s < order.size(); s++) {
                    int ch = plan.channels(s);
                    if (plan.settled(s, p.position())) {
                        for (int k = 0; k < ch * p.frames(); k++) {
                            peaks[s][k % ch] = Math.max(peaks[s][k % ch], Math.abs(samples[off + k]));
                        }
                    }
                    off += ch * p.frames();
                }
                frames += p.frames();
                plan.ring().release();
            }
            if (frames < millis * client.sampleRate() / 2000) {
                throw new AssertionError("captured only " + frames + " frames in " + millis + " ms");
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String label : labels) {
                TapSource t = sources.get(label);
                float[] pk = peaks[order.indexOf(t.ports())];
                out.put(
                        label,
                        Arrays.stream(toDoubles(pk))
                                .map(v -> 20 * Math.log10(v * t.gain()))
                                .toArray());
            }
            return out;
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
