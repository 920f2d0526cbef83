package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.report.DbAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgLevelChartTest {
    private static final List<SvgLevelChart.Guide> GUIDES =
            List.of(new SvgLevelChart.Guide(-6, "hot"), new SvgLevelChart.Guide(-18, "quiet"));

    /** 10 points of 1 s: loud, then digital silence, then an ended stem. */
    private static LevelSeries series() {
        LevelSeries s = new LevelSeries(1);
        for (int i = 0; i < 4; i++) {
            s.addMeasured(i < 2 ? Double.NaN : -14, 0.5f, i + 1); // short-term: nothing before its first 3 s
        }
        for (int i = 4; i < 8; i++) {
            s.addMeasured(Double.NaN, 0f, i + 1); // silence
        }
        s.addGap();
        s.addGap();
        return s;
    }

    private static double y(String svg, String css, String text) {
        Matcher m = Pattern.compile("<text class=\"" + css + "\" x=\"[-0-9.]+\" y=\"([-0-9.]+)\"[^>]*>"
                        + Pattern.quote(text) + "</text>")
                .matcher(svg);
        assertTrue(m.find(), "no " + css + " \"" + text + "\" in " + svg);
        return Double.parseDouble(m.group(1));
    }

    private static List<double[]> polyline(String svg, String css) {
        Matcher m = Pattern.compile("<polyline class=\"" + css + "\" points=\"([^\"]*)\"/>")
                .matcher(svg);
        List<double[]> points = new ArrayList<>();
        assertTrue(m.find(), "no " + css + " trace");
        for (String p : m.group(1).split(" ")) {
            String[] xy = p.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        assertTrue(!m.find(), "one unbroken " + css + " trace");
        return points;
    }

    @Test
    void theZeroLineAndTheThresholdsAreLabelledAtTheirLevels() {
        DbAxis axis = new DbAxis(6, -60);
        String svg = SvgLevelChart.render("kick.wav", series(), axis, GUIDES);
        double zero = y(svg, "zero-label", "0 dBFS");
        double hot = y(svg, "guide-label", "\u22126 dBFS hot");
        double quiet = y(svg, "guide-label", "\u221218 dBFS quiet");
        assertTrue(zero < hot && hot < quiet, zero + " " + hot + " " + quiet);
        assertTrue(svg.contains("<line class=\"zero\""), "a 0 dBFS line");
        assertEquals(2, svg.split("<line class=\"guide\"", -1).length - 1, "a dashed line per threshold");
        // the labels sit where the lines are: 66 dB over the plot's 188 px
        assertEquals(6 / 66.0 * 188, zero - 4 - 12, 0.1);
        assertEquals(12 / 66.0 * 188, hot - 4 - 12, 0.1);
    }

    @Test
    void bothAxesHaveTitlesAndTicks() {
        String svg = SvgLevelChart.render("kick.wav", series(), new DbAxis(0, -60), GUIDES);
        assertTrue(svg.contains(">level (dBFS, LUFS)</text>"), svg);
        assertTrue(svg.contains(">time (m:ss)</text>"), svg);
        for (String tick : List.of("0", "\u221212", "\u221224", "\u221236", "\u221248", "\u221260", "0:00", "0:10")) {
            assertTrue(svg.contains("\">" + tick + "</text>"), "tick " + tick);
        }
        assertTrue(svg.contains("aria-label=\"levels of kick.wav\""));
    }

    @Test
    void silenceIsDrawnAlongTheFloorAndOnlyUnmeasuredPointsLeaveGaps() {
        DbAxis axis = new DbAxis(0, -60);
        String svg = SvgLevelChart.render("kick.wav", series(), axis, GUIDES);
        double floor = axis.position(-60, 12, 240 - 40);
        List<double[]> peak = polyline(svg, "peak");
        assertEquals(8, peak.size(), "the 8 measured points, silence included");
        for (int i = 4; i < 8; i++) {
            assertEquals(floor, peak.get(i)[1], 0.05, "silent point " + i + " on the floor");
        }
        List<double[]> loudness = polyline(svg, "loudness");
        assertEquals(6, loudness.size(), "from its first 3 s to the stem's end, silence included");
        assertEquals(floor, loudness.get(5)[1], 0.05);
    }

    @Test
    void closeThresholdLabelsDoNotOverlap() {
        List<SvgLevelChart.Guide> master =
                List.of(new SvgLevelChart.Guide(0, "over"), new SvgLevelChart.Guide(-3, "headroom"));
        String svg = SvgLevelChart.render("sum", series(), new DbAxis(6, -60), master);
        double over = y(svg, "zero-label", "0 dBFS over");
        double headroom = y(svg, "guide-label", "\u22123 dBFS headroom");
        assertTrue(headroom - over >= 11, over + " " + headroom);
    }

    @Test
    void everyChartOfAReportSharesTheAxisOfItsLoudestTrack() {
        LevelSeries quiet = new LevelSeries(1);
        quiet.addMeasured(-40, 0.01f, 1);
        LevelSeries hot = new LevelSeries(1);
        hot.addMeasured(-2, 1.5f, 1); // +3.5 dBFS
        assertEquals(new DbAxis(6, -60), SvgLevelChart.sharedAxis(List.of(quiet, hot)));
        assertEquals(new DbAxis(0, -60), SvgLevelChart.sharedAxis(List.of(quiet)));
    }
}
