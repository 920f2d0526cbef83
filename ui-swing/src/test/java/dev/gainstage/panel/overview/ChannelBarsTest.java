package dev.gainstage.panel.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.panel.LevelScale;
import dev.gainstage.proto.v1.ChannelLevels;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A bar per channel on a stereo stage: from the view into the cell, and onto the pixels, without a display. */
class ChannelBarsTest {
    private static StageView hardLeft() {
        Levels out = Levels.newBuilder()
                .setHasSignal(true)
                .setSamplePeakDbfs(-3)
                .setPeakHoldDbfs(-2)
                .addChannels(ChannelLevels.newBuilder()
                        .setSamplePeakDbfs(-3)
                        .setPeakHoldDbfs(-2)
                        .setTruePeakHoldDbtp(-1.5))
                .addChannels(ChannelLevels.getDefaultInstance()) // silent
                .build();
        return StageView.newBuilder()
                .setStageId("keys/source")
                .setName("Source")
                .setKind(StageKind.STAGE_KIND_SOURCE)
                .setActive(true)
                .setState(StagingState.STAGING_STATE_IN_RANGE)
                .setOutput(out)
                .build();
    }

    @Test
    void theCellCarriesEachChannelOfTheView() {
        StageCell cell = StageCell.of(hardLeft());
        assertEquals(2, cell.outChannels().size());
        assertEquals(new ChannelBar(-3, -2, -1.5), cell.outChannels().get(0));
        assertTrue(Double.isNaN(cell.outChannels().get(1).peak()));
        assertEquals(-3, cell.outPeak(), "the combined figures stay");
        assertTrue(String.join("\n", cell.detail())
                .contains("out L: peak -3.0 dBFS, hold -2.0 dBFS, true peak hold -1.5 dBTP"));
        assertTrue(String.join("\n", cell.detail()).contains("out R: peak - dBFS"));
        assertTrue(cell.inChannels().isEmpty());
    }

    @Test
    void channelsShareTheBarWhenEachGetsTwoPixels() {
        assertEquals(0, ChannelBar.rowHeight(5, 1), "mono: the combined bar only");
        assertEquals(2, ChannelBar.rowHeight(5, 2));
        assertEquals(3, ChannelBar.rowHeight(7, 2));
        assertEquals(0, ChannelBar.rowHeight(5, 6), "5.1 in 5 px: too thin, the combined bar only");
        assertEquals("L", ChannelBar.name(0, 2));
        assertEquals("R", ChannelBar.name(1, 2));
        assertEquals("3", ChannelBar.name(2, 6));
    }

    @Test
    void theLeftBarIsDrawnToItsLevelAndTheSilentRightStaysEmpty() {
        BufferedImage img = new BufferedImage(400, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        OverviewGeometry geo = OverviewGeometry.of(400, 13, 40, 1, fm.getHeight());
        CellPainter painter = new CellPainter(new ClipLatches(), stageId -> false);
        painter.begin(geo, fm, null);
        StageCell cell = StageCell.of(hardLeft());
        int x = geo.cellX(0);
        painter.paint(g, cell, x, 0, false);
        g.dispose();
        int h = ChannelBar.rowHeight(geo.barHeight(), 2);
        assertTrue(h >= 2, "geometry gives each channel a visible bar: " + geo);
        int bx = x + geo.barX();
        int top = geo.outBarY();
        int left = LevelScale.x(-3, geo.barWidth());
        int colour = img.getRGB(bx + left / 2, top);
        assertEquals(colour, img.getRGB(bx + left / 2, top + h - 1), "L fills its rows");
        int gap = img.getRGB(bx + left / 2, top + h);
        assertEquals(CellBackdrop.TRACK.getRGB(), gap, "a pixel between L and R");
        assertEquals(CellBackdrop.TRACK.getRGB(), img.getRGB(bx + left / 2, top + h + 1), "R is silent: empty");
        assertTrue(colour != gap, "L is drawn in the state's colour");
    }
}
