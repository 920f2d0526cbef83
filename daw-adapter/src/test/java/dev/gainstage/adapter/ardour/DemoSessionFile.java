package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;

import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The demo session as Ardour saved it (its active routes' ids and processor chains, read from the .ardour XML),
 * the stage ids gainstage gives them, and the levels its tones and gains put at each stage.
 */
final class DemoSessionFile {
    /** Route name to Ardour's route id. */
    final Map<String, String> routeIds = new LinkedHashMap<>();
    /** Route name to its processors in order: {id, kind, name, uri, active}. */
    final Map<String, List<String[]>> chains = new LinkedHashMap<>();

    private DemoSessionFile() {}

    static DemoSessionFile read(Path file) throws Exception {
        DemoSessionFile demo = new DemoSessionFile();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList routes = doc.getElementsByTagName("Route");
        for (int i = 0; i < routes.getLength(); i++) {
            Element r = (Element) routes.item(i);
            if (!r.getAttribute("active").equals("1")) {
                continue; // the demo's tone generators, deactivated after recording
            }
            demo.routeIds.put(r.getAttribute("name"), r.getAttribute("id"));
            List<String[]> chain = new ArrayList<>();
            for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element p) || !p.getTagName().equals("Processor")) {
                    continue;
                }
                String kind = switch (p.getAttribute("type")) {
                    case "trim" -> "trim";
                    case "amp" -> "fader";
                    case "main-outs" -> "output";
                    case "lv2", "ladspa", "luaproc", "vst3", "vst", "lxvst", "mac-vst", "audiounit" -> "plugin";
                    case "send", "intsend" -> "send";
                    default -> null;
                };
                if (kind != null) {
                    String name = switch (kind) {
                        case "trim" -> "Trim";
                        case "fader" -> "Fader";
                        case "output" -> "main outs";
                        default -> p.getAttribute("name");
                    };
                    chain.add(new String[] {
                        p.getAttribute("id"), kind, name, p.getAttribute("unique-id"), p.getAttribute("active")
                    });
                }
            }
            demo.chains.put(r.getAttribute("name"), chain);
        }
        return demo;
    }

    /** The stage id of a route's processor, by the name the chain gives it ("ACE Amplifier", "Fader" ...). */
    String stageOf(String route, String processorName) {
        for (String[] p : chains.get(route)) {
            if (p[2].equals(processorName)) {
                return "r" + routeIds.get(route) + "/p" + p[0];
            }
        }
        throw new AssertionError(route + " has no processor " + processorName);
    }

    String source(String route) {
        return "r" + routeIds.get(route) + "/source";
    }

    /** The strip id of a route, as Ardour's meters are keyed ({@link ArdourSession#ardourMeters}). */
    String strip(String route) {
        return "r" + routeIds.get(route);
    }

    /**
     * Ardour's own meter of a route (its max peak, dB) as the bridge last reported it, for checking a tap
     * against. Ardour 8.12 on PipeWire was seen to leave a track's meter at its input (at the head of its chain, ahead of the disk
     * recorder and player: it reads the track's unconnected input, nothing) while the session rolled, in about half the
     * runs; jackd never did. The taps do not use Ardour's meter, but the comparison needs it post-fader: when a
     * track's meter is not reported for 2 s, its meter point is set post-fader (saying so) and the report
     * awaited again. Fails naming the meters reported.
     */
    double ardourMeter(ArdourRig rig, String route) throws Exception {
        OptionalDouble meter = awaitMeter(rig.adapter, route, 2000);
        if (meter.isEmpty()) {
            System.out.println("Ardour's meter of " + route + " is not reported (Ardour meters its input); setting "
                    + "its meter point post-fader");
            rig.host.run(
                    "meter-post-fader",
                    "Session:route_by_name (\"" + route + "\"):set_meter_point (ARDOUR.MeterPoint.MeterPostFader)",
                    10_000);
            meter = awaitMeter(rig.adapter, route, 5000);
        }
        if (meter.isEmpty()) {
            throw new AssertionError("Ardour's meter of " + route + " (" + strip(route) + ") is not reported; the "
                    + "meters reported: "
                    + rig.adapter.session().map(ArdourSession::ardourMeters).orElse(Map.of()));
        }
        return meter.getAsDouble();
    }

    private OptionalDouble awaitMeter(ArdourAdapter adapter, String route, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        do {
            Double meter = adapter.session()
                    .map(ArdourSession::ardourMeters)
                    .orElse(Map.of())
                    .get(strip(route));
            if (meter != null) {
                return OptionalDouble.of(meter);
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return OptionalDouble.empty();
    }

    /**
     * The sample peak (dBFS) each tap must read, from the demo's tones and gains, keyed "stageId in|out": before
     * the compressor's fix (its +6 dB makeup in place).
     */
    Map<String, Double> expectedLevels() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(source("Vox") + " out", -12.0);
        expected.put(stageOf("Vox", "Trim") + " out", -12.0);
        expected.put(stageOf("Vox", "ACE Amplifier") + " in", -12.0);
        expected.put(stageOf("Vox", "ACE Amplifier") + " out", 3.0);
        expected.put(stageOf("Vox", "Fader") + " in", 3.0);
        expected.put(stageOf("Vox", "Fader") + " out", -7.0);
        expected.put(stageOf("Vox", "main outs") + " out", -10.0); // mono panned to the centre: -3 dB per side
        expected.put(source("Gtr") + " out", -14.0);
        expected.put(stageOf("Gtr", "ACE Compressor") + " in", -14.0);
        expected.put(stageOf("Gtr", "ACE Compressor") + " out", -8.0);
        expected.put(stageOf("Gtr", "main outs") + " out", -8.0);
        expected.put(source("Keys") + " out", -18.0);
        return expected;
    }

    /** Whether every tap of {@code expected} reads its level within {@code toleranceDb}. */
    static boolean atLevels(SessionView view, Map<String, Double> expected, double toleranceDb) {
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            String[] key = e.getKey().split(" ");
            StageView st = stage(view, key[0]).orElse(null);
            if (st == null) {
                return false;
            }
            var levels = key[1].equals("in") ? st.getInput() : st.getOutput();
            if (!levels.hasSamplePeakDbfs() || Math.abs(levels.getSamplePeakDbfs() - e.getValue()) > toleranceDb) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the adapter is connected and every track's source and the master show signal. */
    SessionView rolling(ViewWatcher views) throws InterruptedException {
        return views.await(
                "every track's source and the master showing signal",
                60_000,
                v -> v.getAdapterConnected()
                        && v.getRowsCount() >= 5
                        && List.of("Vox", "Gtr", "Keys").stream()
                                .allMatch(t -> stage(v, source(t))
                                        .map(s -> s.getOutput().getHasSignal())
                                        .orElse(false))
                        && stage(v, stageOf("Master", "main outs"))
                                .map(s -> s.getOutput().getHasSignal())
                                .orElse(false));
    }
}
