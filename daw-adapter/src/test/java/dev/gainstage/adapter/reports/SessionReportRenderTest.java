package dev.gainstage.adapter.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.reports.HeadlessChromium.Chart;
import dev.gainstage.adapter.reports.HeadlessChromium.Layout;
import dev.gainstage.adapter.reports.HeadlessChromium.Text;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.cli.ReportCommand;
import dev.gainstage.engine.testing.CommandRunner;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetDeliveryTargetRequest;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --html} from a running session (a real sidecar, the sim playing the demo, the streaming delivery
 * target chosen), rendered in headless Chromium: the master's loudness chart with its target labelled, the warnings'
 * timeline with a lane per warning, both with their axes titled; every strip's chart is there with its axis, its 0 dBFS line's label and a label per stage, none of them
 * on top of another, and its bars drawn in the colours of their staging state. With
 * {@code -Dgainstage.screenshots=DIR} the screenshot is also copied there (docs/images holds the one in the docs).
 */
class SessionReportRenderTest {
    static final int WIDTH = 900;

    private static final List<String> STRIPS =
            List.of("Kick", "Snare", "Hats", "Bass", "Keys", "Pad", "Lead Vox", "Backing Vox", "Drum Bus", "Master");
    private static final int CLIPPING = 0xB00020;
    private static final int QUIET = 0x8AA1C9;
    private static final int IN_RANGE = 0x3A9A48;
    private static final int HOT = 0xE08A00;
    private static final int LOUDNESS_TRACE = 0x1F5FBF;
    private static final String LOUDNESS = "short-term loudness of the master";
    private static final String TIMELINE = "warnings timeline";
    private static final Pattern CLOCK = Pattern.compile("\\d+:\\d\\d");
    /** The bars' colours: in range, quiet, hot, clipping (LevelsSection.CSS). */
    private static final List<Integer> STATES = List.of(IN_RANGE, QUIET, HOT, CLIPPING);

    @TempDir
    Path dir;

    @Test
    void everyStripsChartIsDrawnLabelledAndColouredByItsState() throws Exception {
        Path html = dir.resolve("session-report.html");
        reportFromTheDemo(html);
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Warnings</h2>") && page.contains("Fix: ") && page.contains("Evidence: "));
        assertTrue(page.contains("<h2>Checklist</h2>") && page.contains("Kick: source peaks between"));
        assertTrue(!page.contains("<script") && !page.contains("http"), "self-contained: no scripts, no links out");

        HeadlessChromium chromium = new HeadlessChromium(dir);
        Layout all = chromium.layout(html, WIDTH);
        List<String> expected = new ArrayList<>(List.of(LOUDNESS, TIMELINE));
        STRIPS.forEach(s -> expected.add("levels of " + s));
        assertEquals(expected, all.charts().stream().map(Chart::label).toList());
        Chart loudness = all.charts().get(0);
        Chart timeline = all.charts().get(1);
        List<Chart> strips = all.charts().subList(2, all.charts().size());
        Layout layout = new Layout(strips, all.width(), all.height());
        assertLoudnessChart(loudness);
        assertTimeline(timeline);
        for (Chart c : layout.charts()) {
            assertTrue(c.box().visible() && c.box().width() > 600, c.label() + " is laid out: " + c.box());
            HeadlessChromium.assertLabel(c, "axis-title", "level (dBFS)");
            HeadlessChromium.assertLabel(c, "zero-label", "0 dBFS");
            for (String tick : List.of("\u221260", "\u221248", "\u221236", "\u221224", "\u221212", "\u22126", "+6")) {
                HeadlessChromium.assertLabel(c, "tick", tick);
            }
            assertTrue(c.withClass("stage").size() >= 4, c.label() + " shows its stages: " + c.texts());
            List<Text> labels =
                    c.texts().stream().filter(t -> !t.css().equals("figures")).toList();
            HeadlessChromium.assertApart(c, labels);
        }

        Path png = dir.resolve("session-report.png");
        BufferedImage image = chromium.screenshot(html, WIDTH, layout.height(), png);
        for (Chart c : layout.charts()) {
            int bars = 0;
            for (int colour : STATES) {
                bars += HeadlessChromium.pixels(image, c.box(), colour);
            }
            assertTrue(bars > 1000, c.label() + " has its stages' bars, coloured by state: " + bars + " pixels");
        }
        assertTrue(HeadlessChromium.pixels(image, layout.charts().get(1).box(), IN_RANGE) > 1000, "the snare is fine");
        Chart master = layout.charts().getLast();
        assertTrue(HeadlessChromium.pixels(image, master.box(), CLIPPING) > 2000, "the demo's master clips");
        Chart backingVox = layout.charts().get(STRIPS.indexOf("Backing Vox"));
        assertTrue(HeadlessChromium.pixels(image, backingVox.box(), QUIET) > 200, "the backing vox source is quiet");
        assertEquals(
                0, HeadlessChromium.pixels(image, layout.charts().getFirst().box(), QUIET), "the kick is not");
        assertTrue(
                HeadlessChromium.linePixels(image, loudness.box(), LOUDNESS_TRACE) > 100,
                "the master's short-term loudness is drawn");
        assertTrue(
                HeadlessChromium.pixels(image, timeline.box(), CLIPPING)
                                + HeadlessChromium.pixels(image, timeline.box(), HOT)
                        > 100,
                "the warnings' spans are drawn in their severity's colour");
        HeadlessChromium.saveForTheDocs(image, "session-report.png");
    }

    /** The master's loudness over session time: titled axes in LUFS and m:ss, the streaming target labelled. */
    private static void assertLoudnessChart(Chart c) {
        assertTrue(c.box().visible() && c.box().width() > 600, c.label() + " is laid out: " + c.box());
        HeadlessChromium.assertLabel(c, "axis-title", "short-term loudness (LUFS)");
        HeadlessChromium.assertLabel(c, "axis-title", "session audio time (m:ss)");
        HeadlessChromium.assertLabel(c, "target-label", "\u221214 LUFS Streaming");
        HeadlessChromium.assertLabel(c, "target-label", "band ±1 LU");
        HeadlessChromium.assertLabel(c, "tick", "\u221224");
        assertTrue(
                c.withClass("tick").stream()
                                .filter(t -> CLOCK.matcher(t.text()).matches())
                                .count()
                        >= 3,
                "time ticks in m:ss: " + c.texts());
        HeadlessChromium.assertApart(c, c.texts());
    }

    /** The warnings on the DAW's session time: an m:ss axis and one lane per warning, labelled in words. */
    private static void assertTimeline(Chart c) {
        assertTrue(c.box().visible() && c.box().width() > 600, c.label() + " is laid out: " + c.box());
        HeadlessChromium.assertLabel(c, "axis-title", "DAW session time (m:ss)");
        List<Text> lanes = c.withClass("lane");
        assertTrue(!lanes.isEmpty(), "at least one lane: " + c.texts());
        for (Text lane : lanes) {
            assertTrue(lane.text().contains(": ") && lane.text().contains(" ▸ "), "a lane in words: " + lane);
            assertTrue(lane.box().visible() && lane.box().inside(c.box()), lane + " is drawn inside the chart");
        }
        assertTrue(
                lanes.stream().anyMatch(l -> l.text().startsWith("source too hot: Kick ▸ ")),
                "the demo's hot kick has its lane: " + lanes);
        assertTrue(
                c.withClass("tick").stream()
                                .allMatch(t -> CLOCK.matcher(t.text()).matches())
                        && c.withClass("tick").size() >= 2,
                "time ticks in m:ss: " + c.texts());
        HeadlessChromium.assertApart(c, c.texts());
    }

    /** Runs the demo on a real sidecar until its view has 10 s of audio, then {@code report --html FILE}. */
    private void reportFromTheDemo(Path html) throws Exception {
        try (SimSidecarRig rig = SimSidecarRig.on(dir.resolve("store"))
                .session("report")
                .speed(SimAdapter.Speed.MAX)
                .start()) {
            ManagedChannel channel = rig.channel;
            SidecarAddress address = rig.address;
            Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(120, TimeUnit.SECONDS)
                    .watch(WatchRequest.newBuilder().setSessionKey("report").build());
            views.next();
            PanelServiceGrpc.newBlockingStub(channel)
                    .setDeliveryTarget(SetDeliveryTargetRequest.newBuilder()
                            .setSessionKey("report")
                            .setPreset(DeliveryPreset.DELIVERY_PRESET_STREAMING)
                            .build());
            while (views.next().getAudioTimeSeconds() < 10) {
                // the demo plays on
            }
            CommandRunner.Result report = CommandRunner.run(
                    ReportCommand::run,
                    "--sidecar",
                    address.toString(),
                    "--session",
                    "report",
                    "--html",
                    html.toString());
            assertEquals(0, report.status(), report.err());
        }
    }
}
