package dev.gainstage.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.panel.checklist.ChecklistModel;
import dev.gainstage.panel.graph.FlowGraphModel;
import dev.gainstage.panel.overview.OverviewModel;
import dev.gainstage.panel.overview.StripRow;
import dev.gainstage.panel.warnings.WarningGroup;
import dev.gainstage.panel.warnings.WarningGroups;
import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.Rule;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.Warning;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The panel's view-models, without a display. */
class ViewModelTest {
    @Test
    void overviewSortsAndFilters() {
        OverviewModel m = new OverviewModel();
        m.update(Views.band());
        assertEquals(List.of("Kick", "Snare", "Bass", "Drum Bus", "Master"), names(m.rows()));
        m.setSort(OverviewModel.Sort.WORST_FIRST);
        assertEquals(List.of("Drum Bus", "Kick", "Bass", "Snare", "Master"), names(m.rows()));
        m.setSort(OverviewModel.Sort.NAME);
        assertEquals(List.of("Bass", "Drum Bus", "Kick", "Master", "Snare"), names(m.rows()));
        m.setOnlyProblems(true);
        assertEquals(List.of("Bass", "Drum Bus", "Kick"), names(m.rows()));
        assertEquals(1, m.rowOfStage("drums/eq"));
        assertEquals(-1, m.rowOfStage("snare/eq"), "filtered out");
        assertEquals(3, m.maxCells());
    }

    @Test
    void aCellTellsItsNumbersOnHover() {
        OverviewModel m = new OverviewModel();
        m.update(Views.band());
        List<String> detail = m.rows().getFirst().cells().get(1).detail();
        assertEquals(
                List.of("eq", "in: peak -10.0 dBFS, hold - dBFS", "out: peak -10.0 dBFS, hold -10.0 dBFS"), detail);
        assertFalse(
                m.rows().getFirst().cells().get(0).detail().stream().anyMatch(l -> l.startsWith("in:")),
                "a source has no input");
    }

    private static List<String> names(List<StripRow> rows) {
        return rows.stream().map(StripRow::name).toList();
    }

    @Test
    void warningsGroupByRootCauseNewestFirst() {
        List<Warning> active = List.of(
                Views.warning(Rule.SOURCE_TOO_HOT, "kick/source", 1.0, "", Severity.SEVERITY_WARNING),
                Views.warning(
                        Rule.BUS_OVERLOAD,
                        "drums/output",
                        1.2,
                        "SOURCE_TOO_HOT@kick/source",
                        Severity.SEVERITY_CRITICAL),
                Views.warning(
                        Rule.PLUGIN_INPUT_OVERDRIVE,
                        "kick/eq",
                        1.1,
                        "SOURCE_TOO_HOT@kick/source",
                        Severity.SEVERITY_WARNING),
                Views.warning(Rule.SOURCE_TOO_QUIET, "bass/source", 5.0, "", Severity.SEVERITY_WARNING),
                Views.warning(Rule.PLUGIN_OUTPUT_HOT, "bass/sat", 2.0, "", Severity.SEVERITY_CRITICAL),
                // a follower whose primary already cleared stands alone
                Views.warning(
                        Rule.MASTER_OVER_0DBFS,
                        "master/output",
                        3.0,
                        "PLUGIN_OUTPUT_HOT@gone",
                        Severity.SEVERITY_CRITICAL));
        List<WarningGroup> groups = WarningGroups.of(active);
        assertEquals(
                List.of(
                        "MASTER_OVER_0DBFS@master/output",
                        "PLUGIN_OUTPUT_HOT@bass/sat",
                        "SOURCE_TOO_QUIET@bass/source",
                        "SOURCE_TOO_HOT@kick/source"),
                groups.stream().map(g -> g.primary().getId()).toList(),
                "critical first, then newest first");
        WarningGroup kick = groups.get(3);
        assertEquals(
                List.of("BUS_OVERLOAD@drums/output", "PLUGIN_INPUT_OVERDRIVE@kick/eq"),
                kick.followers().stream().map(Warning::getId).toList());
    }

    @Test
    void theChecklistCountsAndPointsAtTheNextItem() {
        Checklist c = Checklist.newBuilder()
                .setNextItemId("plugin:vox/comp")
                .setDone(2)
                .setTotal(3)
                .addSteps(ChecklistStep.newBuilder()
                        .setNumber(1)
                        .setTitle("Start at the source")
                        .addItems(ChecklistItem.newBuilder()
                                .setId("source:vox/source")
                                .setState(ItemState.ITEM_STATE_PASSING))
                        .addItems(ChecklistItem.newBuilder()
                                .setId("source:bass/source")
                                .setState(ItemState.ITEM_STATE_ACKNOWLEDGED)))
                .addSteps(ChecklistStep.newBuilder()
                        .setNumber(2)
                        .setTitle("Check plugin levels")
                        .addItems(ChecklistItem.newBuilder()
                                .setId("plugin:vox/comp")
                                .setState(ItemState.ITEM_STATE_FAILING)))
                .build();
        ChecklistModel m = new ChecklistModel();
        m.update(c);
        assertEquals("2 of 3 done", m.progressText());
        assertEquals(2, ChecklistModel.done(c.getSteps(0)));
        assertEquals(0, ChecklistModel.done(c.getSteps(1)));
        assertTrue(m.isNext(c.getSteps(1).getItems(0)));
        assertFalse(m.isNext(c.getSteps(0).getItems(0)));
    }

    @Test
    void theFlowGraphPutsTracksBusesAndMasterInColumns() {
        FlowGraphModel g = new FlowGraphModel();
        g.update(Views.band());
        Map<String, Integer> column =
                g.nodes().stream().collect(Collectors.toMap(FlowGraphModel.Node::stripId, FlowGraphModel.Node::column));
        assertEquals(Map.of("kick", 0, "snare", 0, "bass", 0, "drums", 1, "master", 2), column);
        assertEquals(3, g.columns());
        assertEquals(4, g.edges().size());
        assertTrue(g.edges().contains(new FlowGraphModel.Edge("kick", "drums", -10.0)));
        assertEquals("peak -10.0 dBFS", g.nodes().getFirst().levelText(), "the node's number has its unit");
    }

    @Test
    void selectingAStageSelectsItsStrip() {
        PanelModel model = new PanelModel();
        model.setView(Views.band());
        List<String> events = new java.util.ArrayList<>();
        model.addListener(e -> events.add(e.getPropertyName()));
        model.selectStage("drums/eq");
        assertEquals(new PanelModel.Selection("drums", "drums/eq"), model.selection());
        assertEquals(List.of(PanelModel.SELECTION), events);
    }
}
