package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.reports.HeadlessChromium;
import dev.gainstage.adapter.reports.HeadlessChromium.Box;
import dev.gainstage.adapter.reports.HeadlessChromium.Chart;
import dev.gainstage.adapter.reports.HeadlessChromium.Layout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code analyze --html} report rendered in headless Chromium: a chart per stem and the sum, each with both axes
 * titled, its 0 dBFS line and thresholds labelled where the browser can show them (no label on another), both traces
 * drawn, and a stem's silence drawn along the floor. With {@code -Dgainstage.screenshots=DIR} its screenshot goes
 * there too (docs/images holds the one in the docs).
 */
class AnalyzeReportRenderTest {
    private static final int WIDTH = 900;
    private static final int LOUDNESS = 0x1F5FBF;
    private static final int PEAK = 0xE08A00;

    @TempDir
    Path dir;

    /** 12 s of a 220 Hz tone at {@code dbfs}, silent from 4 s to 8 s when {@code gap}. */
    private Path stem(String name, double dbfs, boolean gap) throws IOException {
        int rate = 48_000;
        int frames = rate * 12;
        float[] x = new float[frames];
        double a = Math.pow(10, dbfs / 20);
        for (int i = 0; i < frames; i++) {
            boolean silent = gap && i >= rate * 4 && i < rate * 8;
            x[i] = silent ? 0 : (float) (a * Math.sin(2 * Math.PI * 220 * i / rate));
        }
        // relative to the module (the tests' working folder), so the report names the stems as a user would
        Path file = Files.createDirectories(Path.of("target", "stems")).resolve(name);
        try (WavWriter w = new WavWriter(file, rate, 1, 24, false)) {
            w.write(x, frames);
        }
        return file;
    }

    @Test
    void everyChartIsDrawnWithItsAxesLabelsAndTraces() throws Exception {
        List<Path> stems = List.of(stem("kick.wav", -2, false), stem("pad.wav", -30, false), stem("vox.wav", -9, true));
        Path html = dir.resolve("analyze-report.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AnalyzeCommand.run(
                new String[] {
                    stems.get(0).toString(),
                    stems.get(1).toString(),
                    stems.get(2).toString(),
                    "--html",
                    html.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false);
        assertEquals(0, status);

        HeadlessChromium chromium = new HeadlessChromium(dir);
        Layout layout = chromium.layout(html, WIDTH);
        List<String> expected = List.of(
                "levels of " + stems.get(0), "levels of " + stems.get(1), "levels of " + stems.get(2), "levels of sum");
        assertEquals(expected, layout.charts().stream().map(Chart::label).toList());
        for (Chart c : layout.charts()) {
            assertTrue(c.box().visible() && c.box().width() > 600, c.label() + " is laid out: " + c.box());
            HeadlessChromium.assertLabel(c, "axis-title", "level (dBFS, LUFS)");
            HeadlessChromium.assertLabel(c, "axis-title", "time (m:ss)");
            HeadlessChromium.assertLabel(c, "tick", "\u221260");
            HeadlessChromium.assertLabel(c, "tick", "0:00");
            HeadlessChromium.assertLabel(c, "tick", "0:12");
            HeadlessChromium.assertApart(c, c.texts());
        }
        for (Chart stem : layout.charts().subList(0, 3)) {
            HeadlessChromium.assertLabel(stem, "zero-label", "0 dBFS");
            HeadlessChromium.assertLabel(stem, "guide-label", "\u22126 dBFS hot");
            HeadlessChromium.assertLabel(stem, "guide-label", "\u221218 dBFS quiet");
        }
        Chart sum = layout.charts().getLast();
        HeadlessChromium.assertLabel(sum, "zero-label", "0 dBFS over");
        HeadlessChromium.assertLabel(sum, "guide-label", "\u22123 dBFS headroom");

        Path png = dir.resolve("analyze-report.png");
        BufferedImage image = chromium.screenshot(html, WIDTH, layout.height(), png);
        for (Chart c : layout.charts()) {
            int loudness = HeadlessChromium.linePixels(image, c.box(), LOUDNESS);
            int peak = HeadlessChromium.linePixels(image, c.box(), PEAK);
            assertTrue(loudness > 300, c.label() + " draws its loudness: " + loudness + " pixels");
            assertTrue(peak > 300, c.label() + " draws its peaks: " + peak + " pixels");
        }
        // vox.wav is silent from 4 s to 8 s: its peak trace runs along the floor there, not a gap
        Chart vox = layout.charts().get(2);
        double scale = vox.box().width() / SvgLevelChart.WIDTH;
        double plot = SvgLevelChart.WIDTH - SvgLevelChart.LEFT - SvgLevelChart.RIGHT;
        Box floorWhileSilent = new Box(
                vox.box().x() + (SvgLevelChart.LEFT + plot * 5 / 12) * scale,
                vox.box().y() + (SvgLevelChart.HEIGHT - SvgLevelChart.BOTTOM - 2) * scale,
                plot * 2 / 12 * scale,
                4 * scale);
        assertTrue(HeadlessChromium.linePixels(image, floorWhileSilent, PEAK) > 50, "the silence lies on the floor");
        HeadlessChromium.saveForTheDocs(image, "analyze-report.png");
    }
}
