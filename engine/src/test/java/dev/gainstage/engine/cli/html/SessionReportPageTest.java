package dev.gainstage.engine.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.FixStep;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.Warning;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SessionReportPageTest {
    private static StageView stage(String id, String name, StagingState state, Levels out) {
        return StageView.newBuilder()
                .setStageId(id)
                .setName(name)
                .setState(state)
                .setOutput(out)
                .build();
    }

    private static Levels levels(double peak, double truePeak, double shortTerm) {
        return Levels.newBuilder()
                .setHasSignal(true)
                .setSamplePeakDbfs(peak)
                .setTruePeakDbtp(truePeak)
                .setShortTermLufs(shortTerm)
                .setPeakHoldDbfs(peak + 1)
                .build();
    }

    private static SessionView view() {
        return SessionView.newBuilder()
                .setSessionName("Song <1>")
                .setAudioTimeSeconds(12.5)
                .setAdapterName("sim")
                .setAdapterConnected(true)
                .addRows(OverviewRow.newBuilder()
                        .setStripId("vox")
                        .setName("Lead Vox")
                        .setKind(StripKind.STRIP_KIND_AUDIO_TRACK)
                        .addStages(stage("vox/source", "Source", StagingState.STAGING_STATE_HOT, levels(-3, -2.5, -14)))
                        .addStages(stage(
                                "vox/eq",
                                "EQ",
                                StagingState.STAGING_STATE_NO_SIGNAL,
                                Levels.newBuilder().setHasSignal(false).build())))
                .addRows(OverviewRow.newBuilder()
                        .setStripId("master")
                        .setName("Master")
                        .setKind(StripKind.STRIP_KIND_MASTER)
                        .addStages(stage(
                                "master/output", "Output", StagingState.STAGING_STATE_QUIET, levels(-75, -74, -90))))
                .addWarnings(Warning.newBuilder()
                        .setId("SOURCE_TOO_HOT@vox/source")
                        .setSeverity(Severity.SEVERITY_WARNING)
                        .setTitle("source too hot")
                        .setStripName("Lead Vox")
                        .setStageName("Source")
                        .setMessage("Lead Vox ▸ Source peaks at -3.0 dBFS (above -6.0)")
                        .setSuggestion("Lower Trim by 6.0 dB")
                        .addFix(FixStep.newBuilder().setStageId("vox/trim").setChangeDb(-6))
                        .setEvidence("highest sample peak over 10 s")
                        .setMeasured(-3)
                        .setThreshold(-6)
                        .setUnit("dBFS")
                        .setFirstSeenSeconds(1.5)
                        .setLastSeenSeconds(12.4))
                .setChecklist(Checklist.newBuilder()
                        .setDone(1)
                        .setTotal(2)
                        .setNextItemId("vox")
                        .addSteps(ChecklistStep.newBuilder()
                                .setNumber(1)
                                .setTitle("Source levels")
                                .addItems(ChecklistItem.newBuilder()
                                        .setId("vox")
                                        .setText("Lead Vox: source peaks between -12 and -6 dBFS")
                                        .setState(ItemState.ITEM_STATE_FAILING)
                                        .setDetail("peaks at -3.0"))
                                .addItems(ChecklistItem.newBuilder()
                                        .setId("kick")
                                        .setText("Kick: source peaks between -12 and -6 dBFS")
                                        .setState(ItemState.ITEM_STATE_PASSING))))
                .build();
    }

    private static SessionReport report() {
        return new SessionReport(view(), SessionHistoryView.getDefaultInstance());
    }

    /** The x of the first {@code <rect class="css" x=.. width=..>} of a chart: its right end. */
    private static double rightEnd(String svg, String css) {
        Matcher m = Pattern.compile("<rect class=\"" + css + "\" x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([-0-9.]+)\"")
                .matcher(svg);
        assertTrue(m.find(), "no " + css + " bar in " + svg);
        return Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
    }

    @Test
    void everyStripIsAChartOfItsStagesOnOneDbScale() {
        String page = SessionReportPage.render(report());
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("<script"), "no scripts");
        assertTrue(page.contains("<h1>gainstage report: Song &lt;1&gt;</h1>"), "names are escaped");
        assertEquals(2, page.split("<svg class=\"chart strip\"", -1).length - 1, "a chart per strip");
        assertTrue(
                page.contains("aria-label=\"levels of Lead Vox\"") && page.contains("aria-label=\"levels of Master\""));

        String vox = LevelsSection.strip(view().getRows(0));
        // -3 dBFS on the -60..+6 scale, over the bar's 350 px from x=150
        assertEquals(150 + 350 * 57 / 66.0, rightEnd(vox, "st-hot"), 0.1);
        assertTrue(vox.contains(">0 dBFS</text>") && vox.contains(">level (dBFS)</text>"), "a labelled axis");
        assertTrue(vox.contains(">peak \u22123 · TP \u22122.5 · S \u221214 LUFS</text>"), vox);
        assertTrue(vox.contains(">no signal</text>"), "a stage without signal says so");
        // below the floor: drawn at the floor (an empty bar), its figures still exact
        String master = LevelsSection.strip(view().getRows(1));
        assertEquals(150, rightEnd(master, "st-quiet"), 0.1);
        assertTrue(master.contains(">peak \u221275 · TP \u221274 · S \u221290 LUFS</text>"), master);
    }

    @Test
    void warningsComeWithTheirFixAndEvidenceAndTheChecklistWithItsNextItem() {
        String page = SessionReportPage.render(report());
        assertTrue(page.contains("<b>warning: source too hot</b>"), page);
        assertTrue(page.contains("Fix: Lower Trim by 6.0 dB <span class=\"muted\">[vox/trim -6.0 dB]</span>"));
        assertTrue(page.contains("Evidence: highest sample peak over 10 s"));
        assertTrue(page.contains("seen from 1.5 s to 12.4 s of session audio"));
        assertTrue(page.contains("1 of 2 done; next: <b>Lead Vox: source peaks between -12 and -6 dBFS</b>"));
        assertTrue(page.contains("✘ failing: Lead Vox: source peaks between -12 and -6 dBFS"));
        assertTrue(page.contains("✔ passing: Kick"));
    }

    @Test
    void sectionsComeInTheirOrderEachWithItsAnchor() {
        ReportSection later = new ReportSection() {
            @Override
            public String title() {
                return "Master loudness history";
            }

            @Override
            public void append(SessionReport report, StringBuilder html) {
                html.append("<p>history</p>");
            }
        };
        List<ReportSection> sections = List.of(new WarningsSection(), later);
        String page = SessionReportPage.render(report(), sections);
        assertTrue(page.contains("<a href=\"#master-loudness-history\">Master loudness history</a>"));
        assertTrue(
                page.indexOf("<section id=\"warnings\">") < page.indexOf("<section id=\"master-loudness-history\">"));
        assertFalse(page.contains("<section id=\"levels\">"));
    }
}
