package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.BridgeFrame;
import dev.gainstage.adapter.ardour.bridge.BridgeProcessor;
import dev.gainstage.adapter.ardour.bridge.BridgeRoute;
import dev.gainstage.adapter.ardour.bridge.PluginControl;
import dev.gainstage.adapter.ardour.bridge.ProcessorKind;
import dev.gainstage.adapter.ardour.bridge.RouteKind;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TapPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gainstage view of one bridge frame: strips with their stages in signal order, where each tap point's
 * audio is in JACK, and how each gain stage is changed. Ids come from Ardour's route and processor ids, which
 * the session file keeps, so they are stable across reconnects and restarts: strip {@code r<route>}, stages
 * {@code r<route>/source} and {@code r<route>/p<processor>}.
 *
 * <p>Taps: the bridge places a send right before every stage processor but Trim, so a stage's input is the
 * send before it and its output is the send before the next one; the output stage's output is the route's
 * output ports (after the panner). Ardour keeps Trim at the head of every chain, so the source (disk
 * playback or a bus's sum, not the track's hardware input) is read after Trim with Trim's gain divided out.
 * A send passes its input through unchanged, so its own output (what leaves towards its target) is not
 * tapped.
 *
 * <p>{@code ardourMeters}: Ardour's own meter of each strip (post-fader by default, max peak since it was
 * reset, in dB), for checking the taps against. {@code ardourRevision}: {@code ARDOUR.revision} of the Ardour
 * running the session, as the bridge reports it ("" when it does not).
 */
public record ArdourSession(
        String key,
        String name,
        boolean rolling,
        List<Strip> strips,
        Map<TapKey, TapSource> taps,
        Map<String, FixTarget> fixTargets,
        Map<String, Double> ardourMeters,
        String ardourRevision) {
    /** The lowest gain reported, instead of -inf (the sidecar wants finite numbers). */
    static final double MIN_GAIN_DB = -144;
    /** The most channels a strip or a tap has for the sidecar. */
    static final int MAX_CHANNELS = 8;

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    public record TapKey(String stageId, TapPoint point) {}

    public ArdourSession {
        strips = List.copyOf(strips);
        taps = Map.copyOf(taps);
        fixTargets = Map.copyOf(fixTargets);
        ardourMeters = Map.copyOf(ardourMeters);
        ardourRevision = ardourRevision == null ? "" : ardourRevision;
    }

    /**
     * The DAW's name as the panel shows it: "Ardour 9.8" from the revision "9.8.0~ds-1" (Debian) or "9.8-12-gabc"
     * (a build from git); "Ardour" when the bridge did not say.
     */
    public String dawName() {
        return dawName(ardourRevision);
    }

    static String dawName(String revision) {
        Matcher m = VERSION.matcher(revision);
        return m.find()
                ? "Ardour " + m.group(1) + "." + m.group(2)
                : revision.isBlank() ? "Ardour" : "Ardour " + revision;
    }

    public static String stripId(String routeId) {
        return "r" + routeId;
    }

    public static String sourceId(String routeId) {
        return stripId(routeId) + "/source";
    }

    public static String stageId(String routeId, String processorId) {
        return stripId(routeId) + "/p" + processorId;
    }

    public static ArdourSession from(BridgeFrame frame) {
        List<Strip> strips = new ArrayList<>();
        Map<TapKey, TapSource> taps = new HashMap<>();
        Map<String, FixTarget> fixes = new HashMap<>();
        Set<String> known = new HashSet<>();
        Map<String, Double> meters = new HashMap<>();
        for (BridgeRoute r : frame.routes()) {
            known.add(stripId(r.id()));
            r.meterMaxPeakDb().ifPresent(db -> meters.put(stripId(r.id()), db));
        }
        for (BridgeRoute r : frame.routes()) {
            strips.add(strip(r, known, taps, fixes));
        }
        return new ArdourSession(
                "ardour:" + frame.sessionPath(),
                frame.sessionName(),
                frame.rolling(),
                strips,
                taps,
                fixes,
                meters,
                frame.ardourRevision());
    }

    private static Strip strip(
            BridgeRoute r, Set<String> known, Map<TapKey, TapSource> taps, Map<String, FixTarget> fixes) {
        boolean surround = r.kind() == RouteKind.SURROUND_MASTER;
        // the Surround Master has no input ports (surround sends feed it inside Ardour): its width is its output's
        int channels = surround ? r.outputPorts().size() : r.inputs();
        Strip.Builder s = Strip.newBuilder()
                .setId(stripId(r.id()))
                .setName(r.name())
                .setKind(r.kind().stripKind())
                .setChannels(Math.clamp(channels == 0 ? 2 : channels, 1, MAX_CHANNELS));
        for (String f : r.feeds()) {
            if (known.contains(stripId(f))) {
                s.addOutputs(stripId(f));
            }
        }
        String source = sourceId(r.id());
        boolean track = r.kind() == RouteKind.TRACK || r.kind() == RouteKind.MIDI_TRACK;
        s.addStages(Stage.newBuilder()
                .setId(source)
                .setKind(StageKind.STAGE_KIND_SOURCE)
                .setName(track ? "Source" : "Input")
                .setActive(true));
        List<BridgeProcessor> ps = r.processors();
        if (surround) {
            // its Trim is off (the surround return applies the trim control inside): not a stage of its own
            ps = ps.stream().filter(p -> p.kind() != ProcessorKind.TRIM).toList();
        }
        if (!ps.isEmpty()) {
            BridgeProcessor first = ps.getFirst();
            if (first.kind() == ProcessorKind.TRIM) {
                // Ardour lets no send sit before Trim: the source is read after it, with Trim's gain divided out.
                List<String> afterTrim = ps.size() > 1 ? ps.get(1).tapPorts() : r.outputPorts();
                double trim = first.gainCoefficient().orElse(1.0);
                if (!afterTrim.isEmpty() && trim > 0) {
                    TapSource before = new TapSource(firstChannels(afterTrim), 1 / trim);
                    taps.put(new TapKey(source, TapPoint.TAP_POINT_OUTPUT), before);
                    taps.put(new TapKey(stageId(r.id(), first.id()), TapPoint.TAP_POINT_INPUT), before);
                }
            } else {
                tap(taps, source, TapPoint.TAP_POINT_OUTPUT, first.tapPorts());
            }
        }
        int pluginNumber = 0;
        for (int i = 0; i < ps.size(); i++) {
            BridgeProcessor p = ps.get(i);
            String id = stageId(r.id(), p.id());
            Stage.Builder st = Stage.newBuilder()
                    .setId(id)
                    .setKind(p.kind().stageKind())
                    .setName(stageName(p))
                    .setActive(p.active());
            switch (p.kind()) {
                case TRIM -> {
                    double db = db(p);
                    st.setGainDb(db);
                    fixes.put(id, new FixTarget.Trim(r.name(), db));
                }
                case FADER -> {
                    double db = db(p);
                    st.setGainDb(db);
                    fixes.put(id, new FixTarget.Fader(r.name(), db));
                }
                case SEND -> {
                    st.setGainDb(db(p));
                    if (!p.sendTarget().isEmpty() && known.contains(stripId(p.sendTarget()))) {
                        st.setSendTarget(stripId(p.sendTarget()));
                    }
                }
                case PLUGIN -> {
                    pluginNumber++;
                    st.setPluginUri(p.uri());
                    st.setPluginClass(PluginCategories.classOf(p.category()));
                    st.setPluginCategory(p.category());
                    Optional<PluginControl> out = OutputControl.choose(p.controls());
                    if (out.isPresent()) {
                        st.setGainDb(out.get().value());
                        fixes.put(id, new FixTarget.PluginOutput(r.name(), pluginNumber, out.get()));
                    }
                }
                case OUTPUT -> {}
            }
            s.addStages(st);
            if (p.kind() != ProcessorKind.TRIM) {
                tap(taps, id, TapPoint.TAP_POINT_INPUT, p.tapPorts());
            }
            if (p.kind() != ProcessorKind.SEND) {
                List<String> next = i + 1 < ps.size() ? ps.get(i + 1).tapPorts() : r.outputPorts();
                if (p.kind() == ProcessorKind.OUTPUT) {
                    next = r.outputPorts();
                }
                tap(taps, id, TapPoint.TAP_POINT_OUTPUT, next);
            }
        }
        return s.build();
    }

    private static String stageName(BridgeProcessor p) {
        return switch (p.kind()) {
            case TRIM -> "Trim";
            case FADER -> "Fader";
            case OUTPUT -> "Output";
            default -> p.name();
        };
    }

    private static void tap(Map<TapKey, TapSource> taps, String stageId, TapPoint point, List<String> ports) {
        if (!ports.isEmpty()) {
            taps.put(new TapKey(stageId, point), new TapSource(firstChannels(ports)));
        }
    }

    /**
     * A tap carries at most {@link #MAX_CHANNELS} channels (what the sidecar meters): of a wider signal (the Surround
     * Master's 7.1.4 and binaural outputs, say), the first ones.
     */
    private static List<String> firstChannels(List<String> ports) {
        return ports.size() <= MAX_CHANNELS ? ports : ports.subList(0, MAX_CHANNELS);
    }

    private static double db(BridgeProcessor p) {
        double c = p.gainCoefficient().orElse(1.0);
        return c <= 0 ? MIN_GAIN_DB : Math.max(MIN_GAIN_DB, 20 * Math.log10(c));
    }
}
