package dev.gainstage.adapter.ardour;

import static dev.gainstage.adapter.ardour.testing.ViewWatcher.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gainstage.adapter.ardour.testing.Processes;
import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TapPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Taps read the stage, not the panner: the demo session's tracks panned hard left (Vox mono; Gtr stereo, the same
 * tone on both sides; Keys stereo, 220 Hz at -18 dBFS left and 330 Hz at -24 dBFS right), and every tap before
 * the panner must carry each channel as played, within 0.1 dB, read channel by channel from JACK. Then a session
 * as an older bridge saved it (taps sharing the route's panner, listed the old way) gets new taps, once. Real
 * Ardour ($ARDOUR_LUA: 7.3, 8.x or 9.x) on a private JACK server, like {@link ArdourEndToEndTest}.
 */
@Tag("ardour")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArdourPannedTapsTest {
    private static final double TOLERANCE_DB = 0.1;
    /** Below this a channel counts as silent: the panner took it away. */
    private static final double SILENT_DBFS = -90;

    /** A tap before the panner and what the demo session plays there, per channel (dBFS). */
    private record Expected(String route, String stage, TapPoint point, double... dbfs) {
        String label() {
            return route + " " + stage + (point == TapPoint.TAP_POINT_INPUT ? " in" : " out");
        }
    }

    private static final TapPoint IN = TapPoint.TAP_POINT_INPUT;
    private static final TapPoint OUT = TapPoint.TAP_POINT_OUTPUT;
    private static final List<Expected> BEFORE_THE_PANNER = List.of(
            new Expected("Vox", "Source", OUT, -12),
            new Expected("Vox", "ACE Amplifier", IN, -12),
            new Expected("Vox", "ACE Amplifier", OUT, 3),
            new Expected("Vox", "Fader", IN, 3),
            new Expected("Gtr", "Source", OUT, -14, -14),
            new Expected("Gtr", "ACE Compressor", IN, -14, -14),
            new Expected("Gtr", "ACE Compressor", OUT, -8, -8),
            new Expected("Gtr", "Fader", IN, -8, -8),
            new Expected("Keys", "Source", OUT, -18, -24),
            new Expected("Keys", "Fader", IN, -18, -24));

    private ArdourRig rig;
    private Set<String> freshTaps;

    @BeforeAll
    void start() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        rig = ArdourRig.start(Files.createTempDirectory("gainstage-ardour-pan-test"));
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
            TestDirs.removeUnlessKept(rig.dir);
        }
    }

    @Test
    @Order(1)
    void tapsBeforeThePannerReadBothChannelsOfTracksPannedHardLeft() throws Exception {
        rolling("ardour:" + rig.session.getParent());
        rig.host.run("pan-left", """
                local ng = PBD.GroupControlDisposition.NoGroup
                for _, name in ipairs ({ "Vox", "Gtr", "Keys" }) do
                    local r = Session:route_by_name (name)
                    local w = r:pan_width_control ()
                    if w and not w:isnil () then w:set_value (0, ng) end
                    r:pan_azimuth_control ():set_value (0, ng)
                end
                """, 10_000);
        assertPannedHardLeft();
        assertTapsReadWhatIsPlayed();
        freshTaps = tapSends("fresh");
        System.out.println("taps: " + freshTaps.size() + " tap sends");
    }

    @Test
    @Order(2)
    void aSessionSavedWithAnOlderBridgesLinkedTapsGetsNewTapsOnce() throws Exception {
        assertTrue(freshTaps != null && !freshTaps.isEmpty(), "the first test counted the fresh taps");
        rig.stopHost();
        Path legacy = legacySession();
        List<Element> saved = tapSendsIn(legacy);
        assertEquals(freshTaps.size(), saved.size(), "the older bridge's taps in the saved file");
        assertTrue(
                saved.stream().allMatch(e -> linkedToRoute(e).equals("1")),
                "an older bridge's taps share the " + "route's panner");
        Set<String> oldIds = ids(saved);
        // the bridge's registry of the session: "taps-" and Ardour's path of the session, every non-alphanumeric "_"
        Path registry = rig.dir
                .resolve("control")
                .resolve("taps-" + legacy.getParent().toString().replaceAll("[^A-Za-z0-9]", "_"));
        assertEquals(oldIds, registryIds(registry, false), "the registry lists them the old way");

        rig.startHost(legacy);
        rolling("ardour:" + legacy.getParent());
        assertPannedHardLeft();
        assertTapsReadWhatIsPlayed();
        Set<String> replaced = tapSends("replaced");
        assertEquals(freshTaps.size(), replaced.size(), "one tap per stage: " + replaced);
        assertTrue(replaced.stream().noneMatch(oldIds::contains), "every older tap was replaced: " + replaced);
        assertEquals(replaced, registryIds(registry, true), "the registry marks the new taps");
        assertEquals(oldIds, registryIds(registry, false), "and still knows the old ones (a copy may bring them back)");

        rig.host.run("save", "Session:save_state (\"\", false, false, false, false, false)", 20_000);
        rig.stopHost();
        List<Element> resaved = tapSendsIn(legacy);
        assertEquals(replaced, ids(resaved));
        assertTrue(
                resaved.stream().allMatch(e -> linkedToRoute(e).equals("0")), "the new taps have panners of their own");

        // loaded again, the taps saved with their own panners stay: they are replaced only once
        rig.startHost(legacy);
        rolling("ardour:" + legacy.getParent());
        Thread.sleep(1000); // a few bridge ticks: time to replace them, were it to
        assertEquals(replaced, tapSends("reloaded"), "the taps after loading the session saved with them");
        assertTapsReadWhatIsPlayed();
        rig.stopHost();
    }

    // ---- what the taps read -------------------------------------------------------------------------

    /** Waits for the session to be attached with every track's source showing signal. */
    private void rolling(String key) throws InterruptedException {
        rig.views.await(
                "the session " + key + " attached, every track's source showing signal",
                60_000,
                v -> v.getSessionKey().equals(key)
                        && v.getAdapterConnected()
                        && rig.adapter
                                .session()
                                .filter(s -> s.key().equals(key))
                                .isPresent()
                        && List.of("Vox", "Gtr", "Keys").stream()
                                .allMatch(t -> ViewWatcher.row(v, t)
                                        .map(r -> r.getStages(0).getOutput().getHasSignal())
                                        .orElse(false)));
    }

    /** The panning is in effect: what leaves each track (after its panner) is on the left only. */
    private void assertPannedHardLeft() throws Exception {
        Map<String, TapSource> outs = new LinkedHashMap<>();
        for (String route : List.of("Vox", "Gtr", "Keys")) {
            outs.put(route + " output", tap(route, "Output", OUT));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, double[]> read;
        do {
            read = ChannelPeaks.measure(outs, 500);
        } while (!read.values().stream().allMatch(ArdourPannedTapsTest::leftOnly) && System.nanoTime() < deadline);
        for (Map.Entry<String, double[]> e : read.entrySet()) {
            System.out.printf(Locale.ROOT, "after the panner: %-12s %s%n", e.getKey(), format(e.getValue()));
            assertTrue(leftOnly(e.getValue()), e.getKey() + " is not panned hard left: " + format(e.getValue()));
        }
    }

    private static boolean leftOnly(double[] channels) {
        return channels.length == 2 && channels[0] > -40 && channels[1] < SILENT_DBFS;
    }

    /** Every tap before the panner carries each channel as played; the sidecar shows the loudest one. */
    private void assertTapsReadWhatIsPlayed() throws Exception {
        Map<String, TapSource> taps = new LinkedHashMap<>();
        for (Expected e : BEFORE_THE_PANNER) {
            taps.put(e.label(), tap(e.route(), e.stage(), e.point()));
        }
        Map<String, double[]> read = ChannelPeaks.measure(taps, 1500);
        List<String> wrong = new ArrayList<>();
        System.out.println(rig.adapter.dawName().orElse("Ardour ?") + ", tracks panned hard left:");
        for (Expected e : BEFORE_THE_PANNER) {
            double[] got = read.get(e.label());
            boolean ok = got.length == e.dbfs().length;
            for (int c = 0; ok && c < got.length; c++) {
                ok = Math.abs(got[c] - e.dbfs()[c]) <= TOLERANCE_DB;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %-22s played %-18s read %s%s%n",
                    e.label(),
                    format(e.dbfs()),
                    format(got),
                    ok ? "" : "   <-- wrong");
            if (!ok) {
                wrong.add(e.label() + ": played " + format(e.dbfs()) + ", read " + format(got));
            }
        }
        assertTrue(wrong.isEmpty(), "taps that do not read what is played: " + wrong);
        // the sidecar meters the same taps: each stage shows its loudest channel
        rig.views.await(
                "the sidecar's levels at the loudest channel of each tap",
                20_000,
                v -> BEFORE_THE_PANNER.stream().allMatch(e -> {
                    String id = stageOf(e.route(), e.stage()).getId();
                    return stage(v, id)
                            .map(s -> {
                                Levels l = e.point() == IN ? s.getInput() : s.getOutput();
                                double loudest = Arrays.stream(e.dbfs()).max().orElseThrow();
                                return l.hasSamplePeakDbfs()
                                        && Math.abs(l.getSamplePeakDbfs() - loudest) <= TOLERANCE_DB;
                            })
                            .orElse(false);
                }));
    }

    private static String format(double[] dbfs) {
        StringBuilder b = new StringBuilder();
        for (double d : dbfs) {
            b.append(b.isEmpty() ? "" : " / ")
                    .append(Double.isInfinite(d) ? "-inf" : String.format(Locale.ROOT, "%.3f", d));
        }
        return b.toString();
    }

    private Strip stripOf(String route) {
        return rig.adapter.session().orElseThrow().strips().stream()
                .filter(s -> s.getName().equals(route))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no strip " + route));
    }

    private Stage stageOf(String route, String stage) {
        return stripOf(route).getStagesList().stream()
                .filter(s -> s.getName().equals(stage))
                .findFirst()
                .orElseThrow(() -> new AssertionError(route + " has no stage " + stage));
    }

    /** Where the adapter reads a tap point: the ports of the tap send before the stage, or the route's outputs. */
    private TapSource tap(String route, String stage, TapPoint point) {
        Stage st = stageOf(route, stage);
        TapSource t = rig.adapter.session().orElseThrow().taps().get(new ArdourSession.TapKey(st.getId(), point));
        if (t == null) {
            fail("no tap at " + route + " " + stage + " " + point);
        }
        if (st.getKind() != StageKind.STAGE_KIND_OUTPUT) {
            assertEquals(route.equals("Vox") ? 1 : 2, t.channels(), route + " " + stage + ": one tap port per channel");
        }
        return t;
    }

    // ---- the tap sends ------------------------------------------------------------------------------

    /** The ids of the session's external sends (the demo session has none but the taps), from the running host. */
    private Set<String> tapSends(String name) throws IOException, InterruptedException {
        Path out = rig.dir.resolve(name + "-sends.txt");
        rig.host.run(name, """
                local ids = {}
                for r in Session:get_routes ():iter () do
                    local i = 0
                    while not r:nth_processor (i):isnil () do
                        local p = r:nth_processor (i)
                        if not p:to_send ():isnil () and p:to_internalsend ():isnil () then
                            ids[#ids + 1] = p:to_stateful ():id ():to_s ()
                        end
                        i = i + 1
                    end
                end
                local f = io.open ("%s", "w"); f:write (table.concat (ids, "\\n")); f:close ()
                """.formatted(out), 10_000);
        return new TreeSet<>(
                Files.readString(out).lines().filter(l -> !l.isBlank()).toList());
    }

    /** The external sends saved in a session file. */
    private static List<Element> tapSendsIn(Path session) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(session.toFile());
        List<Element> sends = new ArrayList<>();
        NodeList ps = doc.getElementsByTagName("Processor");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            if (p.getAttribute("type").equals("send")) {
                sends.add(p);
            }
        }
        return sends;
    }

    private static String linkedToRoute(Element send) {
        for (Node n = send.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("PannerShell")) {
                return e.getAttribute("linked-to-route");
            }
        }
        return "(no PannerShell)";
    }

    private static Set<String> ids(List<Element> sends) {
        return new TreeSet<>(sends.stream().map(e -> e.getAttribute("id")).toList());
    }

    /** The sends the bridge's registry lists, with or without the mark of a tap with a panner of its own. */
    private static Set<String> registryIds(Path registry, boolean ownPanner) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(registry)) {
            String[] f = line.trim().split(" ");
            if (f.length >= 3 && (f.length == 4 && f[3].equals("own-panner")) == ownPanner) {
                ids.add(f[0]);
            }
        }
        return ids;
    }

    /**
     * A copy of the demo session as an older bridge saved it (legacy-taps.lua): tracks panned hard left, linked taps
     * in the file, the registry the old way. Ardour 7.3 can lose JACK while it loads a session: tried again then,
     * on a fresh copy.
     */
    private Path legacySession() throws Exception {
        Path script = rig.dir.resolve("scripts").resolve("legacy-taps.lua");
        try (var in = getClass().getResourceAsStream("legacy-taps.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Pattern done = Pattern.compile("legacy-taps: (\\d+)");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Path session = rig.copyOfSession("legacy" + attempt);
            Path log = rig.dir.resolve("legacy-taps" + attempt + ".log");
            ProcessBuilder pb = rig.jack()
                    .environment(new ProcessBuilder(
                            ArdourRig.ardourLuaOrSkip().toString(),
                            "-X",
                            script.toString(),
                            session.getParent().toString(),
                            "demo"));
            pb.environment()
                    .put("GAINSTAGE_ARDOUR_DIR", rig.dir.resolve("control").toString());
            Process p =
                    pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                Processes.stop(p, 2000);
            }
            Matcher m = done.matcher(Files.readString(log));
            if (m.find()) {
                System.out.println(
                        "an older bridge's session: " + m.group(1) + " linked taps (attempt " + attempt + ")");
                return session;
            }
            System.out.println("legacy-taps.lua, attempt " + attempt + ", failed:\n" + Processes.tail(log, 10));
            Thread.sleep(1000L * attempt);
        }
        throw new IOException("could not make the older bridge's session; see " + rig.dir);
    }
}
