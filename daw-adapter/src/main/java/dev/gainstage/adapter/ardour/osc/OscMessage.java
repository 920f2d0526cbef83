package dev.gainstage.adapter.ardour.osc;

import java.util.List;
import java.util.Objects;

/**
 * One OSC 1.0 message. Arguments are {@link Integer} (i), {@link Float} (f), {@link String} (s),
 * {@link Double} (d), {@link Long} (h), {@link Boolean} (T/F), {@code null} (N) or {@code byte[]} (b).
 * Ardour replies to {@code /strip/list} on the address {@code #reply}, which is not a valid OSC
 * address: it is accepted as it is, since that is what Ardour 7 sends.
 */
public record OscMessage(String address, List<Object> arguments) {
    public OscMessage {
        Objects.requireNonNull(address);
        arguments =
                List.copyOf(arguments.stream().map(a -> a == null ? Nil.NIL : a).toList());
    }

    public static OscMessage of(String address, Object... arguments) {
        return new OscMessage(address, java.util.Arrays.asList(arguments));
    }

    public int size() {
        return arguments.size();
    }

    public Object get(int i) {
        Object o = arguments.get(i);
        return o == Nil.NIL ? null : o;
    }

    public String string(int i) {
        return (String) get(i);
    }

    /** An integer argument, accepting any numeric type (Ardour sends counts as i, positions as h or d). */
    public long integer(int i) {
        return ((Number) get(i)).longValue();
    }

    public double number(int i) {
        return ((Number) get(i)).doubleValue();
    }

    /** The OSC nil argument; a marker because immutable lists hold no nulls. */
    enum Nil {
        NIL
    }
}
