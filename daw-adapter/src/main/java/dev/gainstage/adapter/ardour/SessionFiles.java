package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small edits of an Ardour session file (7.x to 9.x) that a headless Ardour cannot make itself. */
public final class SessionFiles {
    static final String OSC_PROTOCOL = "Open Sound Control (OSC)";
    /** The start tag of the OSC surface's element in ControlProtocols, whatever its other attributes. */
    private static final Pattern OSC_TAG =
            Pattern.compile("<Protocol\\s[^>]*?\\bname=\"" + Pattern.quote(OSC_PROTOCOL) + "\"[^>]*?(/?)>");

    private static final Pattern ACTIVE = Pattern.compile("\\sactive=\"[^\"]*\"");
    private static final Pattern CONFIG = Pattern.compile("\\sconfig=\"[^\"]*\"");
    /** The element as {@link #enableOsc} writes it when the session has none. */
    static final String OSC_ELEMENT =
            "<Protocol name=\"" + OSC_PROTOCOL + "\" active=\"1\" config=\"" + OSC_PROTOCOL + "\"/>";

    private SessionFiles() {}

    /** Where {@link #enableOsc} keeps the file as it was: SESSION.ardour.gainstage-bak. */
    public static Path backup(Path sessionFile) {
        return sessionFile.resolveSibling(sessionFile.getFileName() + ".gainstage-bak");
    }

    /**
     * Turns Ardour's OSC surface on in the session (it then listens on UDP 3819), as the GUI's Preferences >
     * Control Surfaces would; Ardour's Lua session tool has no call for it before 9.3. The element gets
     * {@code active="1"} and a {@code config} attribute naming the surface: from 9.6 Ardour skips a Protocol
     * element without one (7.x and 8.x ignore it).
     *
     * The file as it was is kept next to it ({@link #backup}).
     *
     * @return whether the file changed
     */
    public static boolean enableOsc(Path sessionFile) throws IOException {
        String xml = Files.readString(sessionFile);
        String patched;
        Matcher m = OSC_TAG.matcher(xml);
        if (m.find()) {
            String tag = m.group();
            String close = m.group(1) + ">";
            String body = tag.substring(0, tag.length() - close.length());
            Matcher active = ACTIVE.matcher(body);
            body = active.find() ? active.replaceFirst(" active=\"1\"") : body + " active=\"1\"";
            if (!CONFIG.matcher(body).find()) {
                body += " config=\"" + OSC_PROTOCOL + "\"";
            }
            String fixed = body + close;
            if (fixed.equals(tag)) {
                return false;
            }
            patched = xml.substring(0, m.start()) + fixed + xml.substring(m.end());
        } else if (xml.contains("<ControlProtocols>")) {
            patched = xml.replaceFirst(
                    "<ControlProtocols>", Matcher.quoteReplacement("<ControlProtocols>\n    " + OSC_ELEMENT));
        } else if (xml.contains("<ControlProtocols/>")) {
            patched = xml.replaceFirst(
                    "<ControlProtocols/>",
                    Matcher.quoteReplacement("<ControlProtocols>\n    " + OSC_ELEMENT + "\n  </ControlProtocols>"));
        } else {
            throw new IOException(sessionFile + " has no ControlProtocols element: is it an Ardour session?");
        }
        Files.copy(sessionFile, backup(sessionFile), StandardCopyOption.REPLACE_EXISTING);
        Path tmp = Files.createTempFile(
                sessionFile.getParent(), sessionFile.getFileName().toString(), ".tmp");
        Files.writeString(tmp, patched);
        Files.move(tmp, sessionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
