package dev.gainstage.engine.cli.html;

import dev.gainstage.engine.cli.ViewSummary;
import dev.gainstage.engine.report.DbAxis;
import dev.gainstage.engine.report.Html;
import dev.gainstage.engine.report.Svg;
import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import java.util.Locale;

/**
 * Every strip and its stages as the panel's overview shows them: per stage a bar of its output's sample peak
 * (coloured by its staging state) with a mark at its short-term loudness and ticks at its true peak and peak hold,
 * on one dB axis for the whole page, and the numbers beside it.
 */
final class LevelsSection implements ReportSection {
    static final int WIDTH = 760;
    static final int NAME_WIDTH = 150;
    static final int BAR_LEFT = NAME_WIDTH;
    static final int BAR_RIGHT = 500;
    static final int ROW = 22;
    static final int AXIS = 30;
    /** The same scale for every strip: the floor of the file charts up to the panel's +6 dBFS ceiling. */
    static final DbAxis SCALE = new DbAxis(6, DbAxis.FLOOR_DB);

    /** The bars' colours, by staging state, and the marks'. */
    static final String CSS = """
            .bar-bg{fill:#f0f0f0}.st-in-range{fill:#3a9a48}.st-quiet{fill:#8aa1c9}.st-hot{fill:#e08a00}
            .st-clipping{fill:#b00020}.st-no-signal{fill:#cfcfcf}.lufs{fill:#1f3f8f}
            .tp{stroke:#111;stroke-width:2}.hold{stroke:#b00020;stroke-width:1.5}
            .chart .stage{font-size:11px;fill:#222}.chart .figures{font-size:10px;fill:#333}
            .contents{font-size:13px}
            """;

    @Override
    public String title() {
        return "Levels";
    }

    @Override
    public void append(SessionReport report, StringBuilder html) {
        SessionView view = report.view();
        html.append("<p class=\"legend\">bar: sample peak of the last 3 s (green in range, blue quiet, orange hot,"
                + " red clipping, grey no signal) · dark mark: short-term loudness (LUFS) · black tick: true peak"
                + " (dBTP) · red tick: highest peak since the session attached</p>");
        for (OverviewRow row : view.getRowsList()) {
            html.append("<h3>")
                    .append(Html.escape(row.getName()))
                    .append(" <span class=\"muted\">")
                    .append(ViewSummary.kind(row))
                    .append("</span></h3>");
            html.append(strip(row));
        }
    }

    static String strip(OverviewRow row) {
        int height = AXIS + ROW * row.getStagesCount() + 6;
        Svg svg = new Svg(WIDTH, height, "chart strip", "levels of " + row.getName());
        for (double db : SCALE.ticks(6)) {
            double x = x(db);
            svg.line(x, AXIS - 4, x, height - 6, db == 0 ? "zero" : "grid");
            svg.text(x, AXIS - 8, "middle", db == 0 ? "zero-label" : "tick", db == 0 ? "0 dBFS" : DbAxis.label(db));
        }
        svg.text(4, AXIS - 8, "start", "axis-title", "level (dBFS)");
        for (int i = 0; i < row.getStagesCount(); i++) {
            stage(svg, row.getStages(i), AXIS + i * ROW);
        }
        return svg.toString();
    }

    private static void stage(Svg svg, StageView s, double top) {
        Levels out = s.getOutput();
        double barTop = top + 4;
        double barHeight = ROW - 8;
        svg.text(4, top + ROW / 2.0 + 4, "start", "stage", clip(s.getName(), 24));
        svg.rect(BAR_LEFT, barTop, BAR_RIGHT - BAR_LEFT, barHeight, "bar-bg");
        boolean signal = out.getHasSignal() && out.hasSamplePeakDbfs();
        if (signal) {
            svg.rect(BAR_LEFT, barTop, x(out.getSamplePeakDbfs()) - BAR_LEFT, barHeight, state(s));
        }
        if (out.hasShortTermLufs()) {
            svg.rect(x(out.getShortTermLufs()) - 1.5, barTop + 2, 3, barHeight - 4, "lufs");
        }
        if (signal && out.hasTruePeakDbtp()) {
            svg.line(x(out.getTruePeakDbtp()), barTop - 2, x(out.getTruePeakDbtp()), barTop + barHeight + 2, "tp");
        }
        if (out.hasPeakHoldDbfs()) {
            double hold = x(out.getPeakHoldDbfs());
            svg.line(hold, barTop - 2, hold, barTop + barHeight + 2, "hold");
        }
        svg.text(BAR_RIGHT + 8, top + ROW / 2.0 + 4, "start", "figures", figures(s));
    }

    /** "peak −8.1 · TP −7.9 · S −18.2 LUFS · +4.2 dB", or why there is nothing to show. */
    static String figures(StageView s) {
        Levels out = s.getOutput();
        if (!out.getHasSignal() || !out.hasSamplePeakDbfs()) {
            return s.getWaiting().isEmpty() ? "no signal" : s.getWaiting();
        }
        StringBuilder f = new StringBuilder("peak ").append(DbAxis.label(out.getSamplePeakDbfs()));
        if (out.hasTruePeakDbtp()) {
            f.append(" · TP ").append(DbAxis.label(out.getTruePeakDbtp()));
        }
        if (out.hasShortTermLufs()) {
            f.append(" · S ").append(DbAxis.label(out.getShortTermLufs())).append(" LUFS");
        }
        if (s.hasGainDeltaDb()) {
            f.append(String.format(Locale.ROOT, " · in→out %+.1f dB", s.getGainDeltaDb()));
        }
        if (s.getIntentional()) {
            f.append(" · intentional");
        }
        return f.toString();
    }

    /** A level's place along the bar; below the floor at the floor. */
    static double x(double db) {
        return SCALE.position(db, BAR_RIGHT, BAR_LEFT);
    }

    private static String state(StageView s) {
        return switch (s.getState()) {
            case STAGING_STATE_IN_RANGE -> "st-in-range";
            case STAGING_STATE_QUIET -> "st-quiet";
            case STAGING_STATE_HOT -> "st-hot";
            case STAGING_STATE_CLIPPING -> "st-clipping";
            default -> "st-no-signal";
        };
    }

    private static String clip(String name, int chars) {
        return name.length() <= chars ? name : name.substring(0, chars - 1) + "…";
    }
}
