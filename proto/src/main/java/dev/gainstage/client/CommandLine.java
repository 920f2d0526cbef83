package dev.gainstage.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small, strict command-line parser shared by every gainstage process: {@code --flag value},
 * {@code --flag=value}, boolean {@code --switch}, and positional arguments. An unknown flag or a
 * missing value is an {@link UsageException} that names it.
 */
public final class CommandLine {
    private final Map<String, String> values = new HashMap<>();
    /** Every value of a flag given more than once, in order; {@link #values} keeps the last. */
    private final Map<String, List<String>> repeated = new HashMap<>();

    private final List<String> positional = new ArrayList<>();

    private CommandLine() {}

    /**
     * @param valued   flags that take a value (without the leading dashes)
     * @param switches flags that take none
     */
    public static CommandLine parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        CommandLine cl = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                cl.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                cl.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                cl.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                cl.values.put(name, value);
                cl.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return cl;
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    public Optional<String> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    /** Every value given to a repeatable flag ({@code --set a=1 --set b=2}), in order; empty if none. */
    public List<String> values(String flag) {
        return List.copyOf(repeated.getOrDefault(flag, List.of()));
    }

    public String value(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    public int intValue(String flag, int fallback, int min, int max) throws UsageException {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + flag + " " + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " needs a whole number, not '" + v + "'");
        }
    }

    public double doubleValue(String flag, double fallback, double min, double max) throws UsageException {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(v.trim());
            if (!(n >= min && n <= max)) {
                throw new UsageException("--" + flag + " " + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " needs a number, not '" + v + "'");
        }
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** A wrong command line; the message says what is wrong, for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
