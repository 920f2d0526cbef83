package dev.gainstage.engine.store;

import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.Decisions;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Remembers what the user decided per DAW session, rule overrides and the undo history included (the history
 * as {@code undo.*} entries, see {@link UndoEntries}): one file per session
 * key in one folder. Writes
 * are atomic (temp file, fsync, rename, fsync of the folder) so a crash leaves either the old or the
 * new file. A file that does not check out is moved aside and reported, never silently replaced.
 * File names are derived from a hash of the key, so no key can name a path outside the folder.
 */
public final class DecisionStore implements DecisionPersistence {
    /**
     * Rule overrides and the undo history came later as {@code rule.*} and {@code undo.*} entries: a file without
     * them is still this format.
     */
    static final String FORMAT = "gainstage-decisions-1";

    /** The session's delivery target, by its id; absent for none. */
    private static final String DELIVERY_TARGET = "delivery.target";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    public DecisionStore(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** The file that holds a session's decisions; always directly inside the store's folder. */
    public Path fileFor(String sessionKey) {
        String readable = sessionKey.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 40) {
            readable = readable.substring(readable.length() - 40);
        }
        return dir.resolve(readable.replaceAll("^[.]+", "_") + "-" + hash(sessionKey) + ".properties");
    }

    @Override
    public Loaded load(String sessionKey) throws IOException {
        Path file = fileFor(sessionKey);
        if (!Files.exists(file)) {
            return new Loaded(Decisions.NONE, "");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return new Loaded(parse(text, sessionKey), "");
        } catch (CorruptFileException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return new Loaded(
                    Decisions.NONE,
                    "the saved decisions for this session were unreadable (" + e.getMessage()
                            + "); the file was kept as " + aside + " and the session starts without them");
        }
    }

    @Override
    public void save(String sessionKey, Decisions d) throws IOException {
        Files.createDirectories(dir);
        Path file = fileFor(sessionKey);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = format(sessionKey, d).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true); // the rename itself must reach the disk
        } catch (IOException ignored) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    static String format(String sessionKey, Decisions d) {
        TreeMap<String, String> entries = new TreeMap<>();
        entries.put("format", FORMAT);
        entries.put("session", sessionKey);
        d.warningAcks().forEach((id, reason) -> entries.put("ack.warning." + id, reason));
        d.itemAcks().forEach((id, reason) -> entries.put("ack.item." + id, reason));
        d.intentional().forEach(id -> entries.put("intentional." + id, "true"));
        d.ruleOverrides().values().forEach((name, value) -> entries.put("rule." + name, Double.toString(value)));
        d.history().forEach(r -> UndoEntries.put(entries, r));
        if (d.deliveryTarget() != DeliveryTarget.NONE) {
            entries.put(DELIVERY_TARGET, d.deliveryTarget().id());
        }
        Properties p = new Properties();
        p.putAll(entries);
        p.put("checksum", checksum(entries));
        StringWriter w = new StringWriter();
        try {
            p.store(
                    w,
                    "gainstage: decisions for one DAW session (acknowledgements, intentional saturation, rule overrides,"
                            + " undo history)");
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    static Decisions parse(String text, String sessionKey) throws CorruptFileException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException("not a properties file: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new CorruptFileException("format is '" + p.getProperty("format") + "', expected " + FORMAT);
        }
        String expected = p.getProperty("checksum");
        TreeMap<String, String> entries = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (!name.equals("checksum")) {
                entries.put(name, p.getProperty(name));
            }
        }
        if (expected == null || !expected.equals(checksum(entries))) {
            throw new CorruptFileException("checksum mismatch: the file was truncated or edited");
        }
        if (!sessionKey.equals(p.getProperty("session"))) {
            throw new CorruptFileException("it belongs to session '" + p.getProperty("session") + "'");
        }
        Map<String, String> warningAcks = new HashMap<>();
        Map<String, String> itemAcks = new HashMap<>();
        Set<String> intentional = new HashSet<>();
        Map<String, Double> rules = new HashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("ack.warning.")) {
                warningAcks.put(k.substring("ack.warning.".length()), e.getValue());
            } else if (k.startsWith("ack.item.")) {
                itemAcks.put(k.substring("ack.item.".length()), e.getValue());
            } else if (k.startsWith("intentional.")) {
                intentional.add(k.substring("intentional.".length()));
            } else if (k.startsWith("rule.")) {
                rules.put(k.substring("rule.".length()), number(k, e.getValue()));
            }
        }
        try {
            DeliveryTarget target = entries.containsKey(DELIVERY_TARGET)
                    ? DeliveryTarget.ofId(entries.get(DELIVERY_TARGET))
                    : DeliveryTarget.NONE;
            return new Decisions(
                    warningAcks, itemAcks, intentional, new RuleOverrides(rules), UndoEntries.read(entries), target);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(e.getMessage());
        }
    }

    static double number(String key, String text) throws CorruptFileException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CorruptFileException(key + " is '" + text + "', not a number");
        }
    }

    private static String checksum(TreeMap<String, String> entries) {
        CRC32 crc = new CRC32();
        entries.forEach((k, v) -> {
            crc.update(k.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(v.getBytes(StandardCharsets.UTF_8));
            crc.update('\n');
        });
        return Long.toHexString(crc.getValue());
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The file's content does not check out. */
    static final class CorruptFileException extends Exception {
        CorruptFileException(String message) {
            super(message);
        }
    }
}
