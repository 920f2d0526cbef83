package dev.gainstage.engine.report;

/**
 * The frame of a self-contained HTML report (inline CSS, no scripts, fonts or external references), shared by
 * {@code analyze --html} and {@code report --html} so both look alike and escape alike.
 */
public final class Html {
    /** The styles both reports use: page, tables, severities, and the charts' axes, guides and bars. */
    public static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}
            h1{font-size:20px}h2{font-size:16px;margin:24px 0 4px}h3{font-size:14px;margin:16px 0 4px}
            table{border-collapse:collapse;background:#fff}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
            td:first-child,th:first-child{text-align:left}
            .findings li{margin:2px 0}.ok{color:#276b2b}.warn{color:#a14a00}.bad{color:#b00020}.muted{color:#777}
            .chart{width:100%;max-width:760px;background:#fff;border:1px solid #ddd;display:block}
            .chart text{font-size:10px;fill:#555}.chart .axis-title{font-size:11px;fill:#333}
            .grid{stroke:#eee}.axis{stroke:#999}
            .zero{stroke:#222;stroke-width:1}.zero-label{fill:#222}
            .guide{stroke:#b00020;stroke-dasharray:4 3;stroke-width:1}.chart .guide-label{fill:#b00020}
            .peak{fill:none;stroke:#e08a00;stroke-width:1.5}.loudness{fill:none;stroke:#1f5fbf;stroke-width:1.6}
            .legend span{display:inline-block;width:14px;height:3px;margin:0 4px 3px 12px;vertical-align:middle}
            """;

    private Html() {}

    /** A whole document: {@code body} is HTML already (escape what goes into it). */
    public static String page(String title, String extraCss, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + CSS + extraCss + "</style></head><body>" + body + "</body></html>\n";
    }

    /** Text made safe for an element's content or an attribute's value. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
