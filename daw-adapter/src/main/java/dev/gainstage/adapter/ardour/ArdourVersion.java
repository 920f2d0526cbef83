package dev.gainstage.adapter.ardour;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ardour version as Ardour itself prints it with {@code --version}: the GUI says "Ardour9.8.0~ds (built using
 * ...)", the headless tool "ardour-lua version 9.8.0~ds". Never taken from a file name: a wrapper or a link can
 * be called anything.
 *
 * @param text the version as printed, "9.8.0~ds"
 */
public record ArdourVersion(int major, int minor, String text) {
    private static final Pattern GUI = Pattern.compile("Ardour(\\d+)\\.(\\d+)(\\S*)");
    private static final Pattern TOOL = Pattern.compile("version\\s+(\\d+)\\.(\\d+)(\\S*)");
    private static final long TIMEOUT_SECONDS = 20;

    public static ArdourVersion of(int major, int minor) {
        return new ArdourVersion(major, minor, major + "." + minor);
    }

    /** The version in what {@code ardour --version} or {@code ardourN-lua --version} printed; empty when none. */
    public static Optional<ArdourVersion> parse(String versionOutput) {
        for (Pattern p : new Pattern[] {GUI, TOOL}) {
            Matcher m = p.matcher(versionOutput);
            if (m.find()) {
                try {
                    return Optional.of(new ArdourVersion(
                            Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)),
                            m.group(1) + "." + m.group(2) + m.group(3)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code executable --version} (an Ardour GUI, an {@code ardourN-lua}, or a wrapper of either) and reads
     * the version it prints.
     *
     * @throws IOException with a one-line reason when it cannot run, does not answer in time or prints no version
     */
    public static ArdourVersion ask(Path executable) throws IOException {
        Path out = Files.createTempFile("gainstage-ardour-version", ".txt");
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(executable + " --version did not answer within " + TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(out, StandardCharsets.ISO_8859_1);
            return parse(printed)
                    .orElseThrow(() -> new IOException(executable + " --version printed no Ardour version"
                            + (printed.isBlank()
                                    ? ""
                                    : ": "
                                            + printed.strip()
                                                    .lines()
                                                    .reduce((a, b) -> b)
                                                    .orElse(""))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + executable + " for its version", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Whether this is {@code major.minor} or newer. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    @Override
    public String toString() {
        return text;
    }
}
