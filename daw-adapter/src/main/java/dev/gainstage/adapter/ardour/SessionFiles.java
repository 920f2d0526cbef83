package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small edits of an Ardour 7 session file that a headless Ardour cannot make itself. */
public final class SessionFiles {
    static final String OSC_PROTOCOL = "Open Sound Control (OSC)";
    private static final Pattern OSC_ELEMENT = Pattern.compile("<Protocol name=\"" + Pattern.quote(OSC_PROTOCOL)
            + "\"([^>]*?)active=\"0\"");

    private SessionFiles() {
    }

    /** Where {@link #enableOsc} keeps the file as it was: SESSION.ardour.gainstage-bak. */
    public static Path backup(Path sessionFile) {
        return sessionFile.resolveSibling(sessionFile.getFileName() + ".gainstage-bak");
    }

    /**
     * Turns Ardour's OSC surface on in the session (it then listens on UDP 3819), as the GUI's Preferences >
     * Control Surfaces would; {@code ardour7-lua} has no call for it.
     *
     * The file as it was is kept next to it ({@link #backup}).
     *
     * @return whether the file changed
     */
    public static boolean enableOsc(Path sessionFile) throws IOException {
        String xml = Files.readString(sessionFile);
        String patched;
        Matcher m = OSC_ELEMENT.matcher(xml);
        if (m.find()) {
            patched = m.replaceFirst(Matcher.quoteReplacement("<Protocol name=\"" + OSC_PROTOCOL + "\"" + m.group(1)
                    + "active=\"1\""));
        } else if (xml.contains("name=\"" + OSC_PROTOCOL + "\"")) {
            return false;
        } else if (xml.contains("<ControlProtocols>")) {
            patched = xml.replaceFirst("<ControlProtocols>", Matcher.quoteReplacement(
                    "<ControlProtocols>\n    <Protocol name=\"" + OSC_PROTOCOL + "\" active=\"1\"/>"));
        } else if (xml.contains("<ControlProtocols/>")) {
            patched = xml.replaceFirst("<ControlProtocols/>", Matcher.quoteReplacement(
                    "<ControlProtocols>\n    <Protocol name=\"" + OSC_PROTOCOL + "\" active=\"1\"/>\n  </ControlProtocols>"));
        } else {
            throw new IOException(sessionFile + " has no ControlProtocols element: is it an Ardour 7 session?");
        }
        Files.copy(sessionFile, backup(sessionFile), StandardCopyOption.REPLACE_EXISTING);
        Path tmp = Files.createTempFile(sessionFile.getParent(), sessionFile.getFileName().toString(), ".tmp");
        Files.writeString(tmp, patched);
        Files.move(tmp, sessionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
