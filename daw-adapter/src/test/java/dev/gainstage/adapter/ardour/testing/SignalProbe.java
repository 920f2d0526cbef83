package dev.gainstage.adapter.ardour.testing;

import dev.gainstage.adapter.ardour.LuaSignals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An action hook that reports, from inside Ardour's GUI, how that Ardour numbers its LuaSignals (the value of
 * {@code LuaSignal.NAME} for every name any known release has, and {@code LuaSignal.Set():size()}) and which
 * signal numbers its callback was called with, into a file. Given the bit string some release saved for the
 * bridge, it shows live which signals such a hook subscribes to.
 */
public final class SignalProbe {
    private final String name;
    private final String signals;
    private final Path out;

    private SignalProbe(String name, String signals, Path out) {
        this.name = name;
        this.signals = signals;
        this.out = out;
    }

    /** A probe hook with the bit string {@code writer} saves for the bridge's signals, reporting to {@code out}. */
    public static SignalProbe savedBy(LuaSignals writer, Path out) {
        return new SignalProbe("gainstage probe " + writer.name(), writer.bits(LuaSignals.BRIDGE), out);
    }

    public ActionHook hook() {
        String names = allNames().stream().map(ActionHook::luaString).collect(Collectors.joining(", "));
        String chunk = """
                local out = %s
                local names = { %s }
                local seen = {}
                local first = true
                local function write (line)
                  local f = io.open (out, "a")
                  if f then f:write (line, "\\n") f:close () end
                end
                return function (signal, ref, ...)
                  if first then
                    first = false
                    local ok, n = pcall (function () return LuaSignal.Set ():size () end)
                    write ("count " .. tostring (ok and n or nil))
                    for _, name in ipairs (names) do
                      local found, v = pcall (function () return LuaSignal[name] end)
                      write ("number " .. name .. " " .. tostring (found and v or nil))
                    end
                  end
                  local k = tostring (signal)
                  if not seen[k] then
                    seen[k] = true
                    write ("fired " .. k)
                  end
                end
                """.formatted(ActionHook.luaString(out.toString()), names);
        return new ActionHook(name, signals, "-- " + name + "\n" + chunk, chunk);
    }

    /** The hook's name, "gainstage probe ARDOUR_8" (after the numbering that saved its signals). */
    public String hookName() {
        return name;
    }

    /** The bit string the probe was saved with. */
    public String signals() {
        return signals;
    }

    /**
     * What the probe saw.
     *
     * @param count   LuaSignal::LAST_SIGNAL as {@code LuaSignal.Set():size()} says, -1 if unknown
     * @param numbers the number of every signal that Ardour has, by name (names it lacks are left out)
     * @param fired   the signal numbers the callback was called with
     */
    public record Report(int count, Map<String, Integer> numbers, Set<Integer> fired) {}

    /** What the probe wrote so far; empty numbers and fired until its callback first ran. */
    public Report read() throws IOException {
        int count = -1;
        Map<String, Integer> numbers = new HashMap<>();
        Set<Integer> fired = new TreeSet<>();
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split(" ");
                if (f.length == 2 && f[0].equals("count") && !f[1].equals("nil")) {
                    count = Integer.parseInt(f[1]);
                } else if (f.length == 3 && f[0].equals("number") && !f[2].equals("nil")) {
                    numbers.put(f[1], Integer.parseInt(f[2]));
                } else if (f.length == 2 && f[0].equals("fired")) {
                    fired.add(Integer.parseInt(f[1]));
                }
            }
        }
        return new Report(count, numbers, fired);
    }

    /** The name of {@link #dropper}'s hook. */
    public static final String DROPPER = "gainstage dropper";

    /**
     * A hook whose callback fails on Ardour's first once-a-second timer tick: Ardour then drops it and saves its
     * action hooks again (LuaInstance::unregister_lua_slot), so {@code ui_scripts} then holds every other hook's
     * signals as this Ardour saves them ({@code std::bitset::to_string}, as the Script Manager saves a new hook).
     */
    public static ActionHook dropper(LuaSignals numbering) {
        String chunk = "return function (signal, ref, ...) error (\"" + DROPPER
                + ": leaves so that Ardour saves its action hooks again\") end\n";
        return new ActionHook(DROPPER, numbering.bits(Set.of("LuaTimerS")), "-- " + DROPPER + "\n" + chunk, chunk);
    }

    /** The signals of every hook in a {@code ui_scripts} file, by name. */
    public static Map<String, String> savedHooks(Path uiScripts) throws IOException {
        Map<String, String> hooks = new TreeMap<>();
        Matcher m =
                Pattern.compile("<LuaCallback\\b[^>]*>").matcher(Files.readString(uiScripts, StandardCharsets.UTF_8));
        while (m.find()) {
            Matcher name = Pattern.compile("\\bname=\"([^\"]*)\"").matcher(m.group());
            Matcher signals = Pattern.compile("\\bsignals=\"([^\"]*)\"").matcher(m.group());
            if (name.find() && signals.find()) {
                hooks.put(name.group(1), signals.group(1));
            }
        }
        return hooks;
    }

    /** Every signal name any known release has. */
    static Set<String> allNames() {
        return Stream.of(LuaSignals.values())
                .flatMap(n -> n.names().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
