package dev.gainstage.adapter.ardour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The gainstage bridge as an action hook of Ardour's GUI: a {@code LuaCallback} named "gainstage bridge" in a
 * config folder's {@code ui_scripts}, and whether Ardour subscribes it to the bridge's signals. It may not: Ardour
 * copies the previous major's config folder when a new major first starts (ui_scripts included), and a hook keeps
 * the signal numbers of the release that saved it ({@link LuaSignals}). A hook saved by Ardour 8.0 to 9.7 runs in
 * 9.8 on LuaTimerS, Located and others instead of the bridge's; the user must add it again.
 */
public final class BridgeHook {
    /** The hook's name: the bridge script's {@code name}, which the Script Manager gives the hook. */
    public static final String NAME = "gainstage bridge";

    private BridgeHook() {}

    public enum Status {
        /** No bridge hook in that config folder. */
        ABSENT,
        /** Ardour subscribes the hook to the bridge's signals. */
        OK,
        /** The hook subscribes to other signals: saved by a release that numbers them differently. */
        STALE
    }

    /** What a config folder's bridge hook does in its Ardour, in a sentence. */
    public record State(Status status, String text) {}

    /** The hook in {@code install}'s config folder, as the version that Ardour says it is reads it. */
    public static State check(ArdourInstalls.Install install) {
        return check(install.uiScripts(), install.major(), install::version);
    }

    /**
     * The hook in a {@code ui_scripts} file, as Ardour {@code version} (of major {@code major}) reads it; with no
     * version known, as the newest release of that major reads it. The version is asked for only when there is a
     * hook (asking runs Ardour).
     */
    public static State check(Path uiScripts, int major, Supplier<Optional<ArdourVersion>> versionOf) {
        Optional<String> saved;
        try {
            saved = savedSignals(uiScripts);
        } catch (IOException e) {
            return new State(
                    Status.ABSENT,
                    "Ardour " + major + "'s " + uiScripts + " cannot be read (" + e.getMessage()
                            + "), so its GUI does not run the gainstage bridge");
        }
        if (saved.isEmpty()) {
            return new State(
                    Status.ABSENT,
                    "Ardour " + major + "'s GUI does not run the gainstage bridge (no action hook" + " in " + uiScripts
                            + ")");
        }
        Optional<ArdourVersion> version = versionOf.get().filter(v -> v.major() >= 7);
        List<LuaSignals> ofMajor = LuaSignals.ofMajor(major);
        LuaSignals reader = version.map(LuaSignals::of).orElse(ofMajor.getLast());
        String ardour = version.map(v -> "Ardour " + v)
                .orElse(reader.releases() + " (Ardour " + major + " did not say its version)");
        Optional<LuaSignals> writer = LuaSignals.savedBy(saved.get(), LuaSignals.BRIDGE);
        Optional<Set<String>> read = reader.read(saved.get());
        if (read.isPresent() && read.get().equals(LuaSignals.BRIDGE)) {
            String note = writer.filter(w -> w != reader)
                    .map(w -> "; saved by " + w.releases() + ", which " + ardour + " reads as the same signals")
                    .orElse("");
            return new State(
                    Status.OK,
                    "Ardour " + major + " runs the gainstage bridge as an action hook (" + uiScripts + ")" + note);
        }
        String subscribed = read.map(s -> s.isEmpty() ? "no signal" : String.join(", ", s))
                .orElse("nothing (its signals=\"" + saved.get() + "\" is not a bit string)");
        String origin = writer.map(w -> "it was saved by " + w.releases()
                        + ", which numbers Ardour's signals differently" + " from " + ardour)
                .orElse("its saved signals are not the bridge's as " + ardour + " numbers them");
        return new State(
                Status.STALE,
                "Ardour " + major + "'s gainstage bridge hook (" + uiScripts + ") subscribes to "
                        + subscribed + " instead of "
                        + String.join(", ", LuaSignals.BRIDGE.stream().sorted().toList()) + ": "
                        + origin);
    }

    /** What to do about a {@link Status#STALE} hook, in Ardour {@code major}. */
    public static String reAddFix(int major) {
        return "re-add the gainstage bridge hook in Ardour " + major + " (it was saved by an older Ardour): in Ardour "
                + major
                + ", Edit > Lua Scripts > Script Manager > Action Hooks, select gainstage bridge > Remove, then "
                + "New Hook > gainstage bridge > Add";
    }

    /** What to do about an {@link Status#ABSENT} hook, in Ardour {@code major}. */
    public static String addFix(int major) {
        return "run scripts/gainstage ardour once (it puts the bridge into Ardour's script folder), then in Ardour "
                + major + ": Edit > Lua Scripts > Script Manager > Action Hooks > New Hook > gainstage bridge > Add; "
                + "or run the session headless: scripts/gainstage ardour-host SESSION.ardour";
    }

    /**
     * The {@code signals} bit string of the bridge's hook in a {@code ui_scripts} file; empty when the file or the
     * hook is not there.
     *
     * @throws IOException when the file is there but is not XML Ardour could read
     */
    static Optional<String> savedSignals(Path uiScripts) throws IOException {
        if (!Files.isRegularFile(uiScripts)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            NodeList hooks = f.newDocumentBuilder().parse(uiScripts.toFile()).getElementsByTagName("ActionHooks");
            for (int h = 0; h < hooks.getLength(); h++) {
                NodeList callbacks = ((Element) hooks.item(h)).getElementsByTagName("LuaCallback");
                for (int i = 0; i < callbacks.getLength(); i++) {
                    Element callback = (Element) callbacks.item(i);
                    if (NAME.equals(callback.getAttribute("name")) && callback.hasAttribute("signals")) {
                        return Optional.of(callback.getAttribute("signals"));
                    }
                }
            }
            return Optional.empty();
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
