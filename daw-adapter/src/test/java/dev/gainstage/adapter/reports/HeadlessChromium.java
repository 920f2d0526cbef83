package dev.gainstage.adapter.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders an HTML report in headless Chromium (Debian's {@code chromium}, which scripts/test installs) and hands back
 * what the browser laid out: every chart's box and every text in it with its box, measured by the browser after
 * layout, and a screenshot at one CSS pixel per image pixel. The reports' tests check the picture's content with
 * these, so a chart that is missing, empty, unlabelled or with labels on top of each other fails them.
 */
public final class HeadlessChromium {
    /** A box on the page, in CSS pixels from the page's top left. */
    public record Box(double x, double y, double width, double height) {
        public boolean visible() {
            return width > 0.5 && height > 0.5;
        }

        public boolean inside(Box outer) {
            return x >= outer.x - 0.5
                    && y >= outer.y - 0.5
                    && x + width <= outer.x + outer.width + 0.5
                    && y + height <= outer.y + outer.height + 0.5;
        }

        public boolean overlaps(Box o) {
            double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
            double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
            return w > 1 && h > 1;
        }
    }

    /** A text of a chart: its CSS class, its words and where the browser put them. */
    public record Text(String css, String text, Box box) {}

    /** A chart ({@code svg.chart}) by its aria-label, with its texts. */
    public record Chart(String label, Box box, List<Text> texts) {
        public List<Text> withClass(String css) {
            return texts.stream().filter(t -> t.css().equals(css)).toList();
        }
    }

    /** The laid-out page: its charts in document order and its size. */
    public record Layout(List<Chart> charts, int width, int height) {}

    /** Runs after the report's own content, forcing layout, and writes the boxes into the page for --dump-dom. */
    private static final String PROBE = """
            <script>(function(){var out=[];
            function box(e){var b=e.getBoundingClientRect();return [b.left+scrollX,b.top+scrollY,b.width,b.height].join('|');}
            document.querySelectorAll('svg.chart').forEach(function(svg){
              out.push('chart|'+svg.getAttribute('aria-label').replace(/[|\\n]/g,' ')+'|'+box(svg));
              svg.querySelectorAll('text').forEach(function(t){
                out.push('text|'+t.getAttribute('class')+'|'+t.textContent.replace(/[|\\n]/g,' ')+'|'+box(t));});});
            out.push('page|'+document.documentElement.scrollWidth+'|'+document.documentElement.scrollHeight);
            var pre=document.createElement('pre');pre.id='gainstage-layout';pre.textContent=out.join('\\n');
            document.body.appendChild(pre);})();</script>""";

    private final Path work;

    /** @param work a folder for the browser's profile and the probed copy of the page */
    public HeadlessChromium(Path work) {
        this.work = work;
    }

    /** The page's layout as the browser made it, in a window {@code width} CSS pixels wide. */
    public Layout layout(Path html, int width) throws IOException, InterruptedException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("</body>"), "a whole HTML page");
        Path probed = work.resolve("probed-" + html.getFileName());
        Files.writeString(probed, page.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        String dom = run(
                "--dump-dom", "--window-size=" + width + ",1000", probed.toUri().toString());
        int start = dom.indexOf("<pre id=\"gainstage-layout\">");
        assertTrue(start >= 0, "the probe ran: " + dom.substring(0, Math.min(400, dom.length())));
        String text = dom.substring(dom.indexOf('>', start) + 1, dom.indexOf("</pre>", start))
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
        List<Chart> charts = new ArrayList<>();
        int pageWidth = 0;
        int pageHeight = 0;
        for (String line : text.split("\n")) {
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "chart" -> charts.add(new Chart(f[1], box(f, 2), new ArrayList<>()));
                case "text" -> charts.getLast().texts().add(new Text(f[1], f[2], box(f, 3)));
                case "page" -> {
                    pageWidth = Integer.parseInt(f[1]);
                    pageHeight = Integer.parseInt(f[2]);
                }
                default -> fail("unexpected probe line " + line);
            }
        }
        return new Layout(charts, pageWidth, pageHeight);
    }

    /** A screenshot of the whole page ({@code height} from {@link #layout}) into {@code png}, and its pixels. */
    public BufferedImage screenshot(Path html, int width, int height, Path png)
            throws IOException, InterruptedException {
        run(
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth(), "one image pixel per CSS pixel");
        return image;
    }

    /** How many pixels of {@code box} have the colour {@code rgb} (within a small distance): a filled area's. */
    public static int pixels(BufferedImage image, Box box, int rgb) {
        return count(image, box, p -> distance(p, rgb) <= 40);
    }

    /**
     * How many pixels of {@code box} show a line of colour {@code rgb}, whole or antialiased over the charts' white:
     * a thin line at a fractional position covers two rows of pixels partly, each a blend of its colour and white.
     */
    public static int linePixels(BufferedImage image, Box box, int rgb) {
        return count(image, box, p -> shows(p, rgb));
    }

    private static int count(BufferedImage image, Box box, java.util.function.IntPredicate colour) {
        int count = 0;
        for (int y = (int) box.y(); y < Math.min(image.getHeight(), box.y() + box.height()); y++) {
            for (int x = (int) box.x(); x < Math.min(image.getWidth(), box.x() + box.width()); x++) {
                if (colour.test(image.getRGB(x, y))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distance(int p, int rgb) {
        return Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF))
                + Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF))
                + Math.abs((p & 0xFF) - (rgb & 0xFF));
    }

    /** {@code pixel} is {@code colour} at a coverage of at least 40 % over white, the same in every channel. */
    private static boolean shows(int pixel, int colour) {
        double coverage = -1;
        for (int shift = 0; shift <= 16; shift += 8) {
            int p = (pixel >> shift) & 0xFF;
            int c = (colour >> shift) & 0xFF;
            if (255 - c < 60) {
                if (Math.abs(p - c) > 30) {
                    return false; // a channel the colour has near white must stay near it
                }
                continue;
            }
            double a = (255.0 - p) / (255 - c);
            if (coverage >= 0 && Math.abs(a - coverage) > 0.15) {
                return false;
            }
            coverage = coverage < 0 ? a : (coverage + a) / 2;
        }
        return coverage >= 0.4 && coverage <= 1.1;
    }

    /** The chart has exactly one {@code css} text {@code text}, drawn (a box of some size) inside the chart. */
    public static void assertLabel(Chart c, String css, String text) {
        List<Text> found =
                c.withClass(css).stream().filter(t -> t.text().equals(text)).toList();
        assertEquals(1, found.size(), c.label() + " has one " + css + " \"" + text + "\": " + c.texts());
        Text t = found.getFirst();
        assertTrue(t.box().visible() && t.box().inside(c.box()), c.label() + ": " + t + " is drawn inside the chart");
    }

    /** No two of the texts lie on each other. */
    public static void assertApart(Chart c, List<Text> texts) {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertTrue(
                        !texts.get(i).box().overlaps(texts.get(j).box()),
                        c.label() + ": " + texts.get(i) + " overlaps " + texts.get(j));
            }
        }
    }

    /** The docs' screenshots show this much of a page's top. */
    static final int DOCS_HEIGHT = 1500;

    /**
     * With {@code -Dgainstage.screenshots=DIR}, the page's top (the docs show what a report looks like, not all of
     * it) as {@code DIR/name}; docs/images holds the ones in the docs.
     */
    public static void saveForTheDocs(BufferedImage image, String name) throws IOException {
        String to = System.getProperty("gainstage.screenshots", "");
        if (!to.isEmpty()) {
            BufferedImage top = image.getSubimage(0, 0, image.getWidth(), Math.min(image.getHeight(), DOCS_HEIGHT));
            ImageIO.write(top, "png", Path.of(to).resolve(name).toFile());
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "chromium",
                "--headless",
                "--no-sandbox", // the tests may run as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + work.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .redirectError(work.resolve("chromium.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("chromium is not installed: install chromium (apt install chromium)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium took over 90 s");
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(work.resolve("chromium.log")));
        return out;
    }

    private static Box box(String[] f, int from) {
        return new Box(
                Double.parseDouble(f[from]),
                Double.parseDouble(f[from + 1]),
                Double.parseDouble(f[from + 2]),
                Double.parseDouble(f[from + 3]));
    }
}
