package dev.gainstage.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear dB scale from {@code topDb} down to {@code floorDb}, as the reports draw levels: one axis for every chart
 * of a report, so charts compare at a glance. A level below the floor (silence is −∞) is drawn at the floor, not
 * left out: a trace that goes quiet stays visible along the bottom.
 */
public record DbAxis(double topDb, double floorDb) {
    /** The floor of every report chart: below it a level is "very quiet", whatever its exact figure. */
    public static final double FLOOR_DB = -60;

    public DbAxis {
        if (!(topDb > floorDb)) {
            throw new IllegalArgumentException("the top " + topDb + " dB must be above the floor " + floorDb + " dB");
        }
    }

    /** An axis from the floor up to {@code highestDb} rounded up to 6 dB, and never below 0 dBFS. */
    public static DbAxis covering(double highestDb) {
        double top = Double.isFinite(highestDb) ? Math.max(0, Math.ceil(highestDb / 6) * 6) : 0;
        return new DbAxis(top, FLOOR_DB);
    }

    /**
     * Where {@code db} lies between {@code atTop} (the top's pixel) and {@code atFloor} (the floor's): clamped to
     * the span, a level below the floor at the floor.
     */
    public double position(double db, double atTop, double atFloor) {
        double clamped = Math.max(floorDb, Math.min(topDb, db));
        return atTop + (atFloor - atTop) * (topDb - clamped) / (topDb - floorDb);
    }

    /** The labelled levels: every {@code stepDb} from the top down to the floor, 0 dB always among them. */
    public List<Double> ticks(double stepDb) {
        List<Double> ticks = new ArrayList<>();
        for (double db = Math.floor(topDb / stepDb) * stepDb; db >= floorDb - 1e-9; db -= stepDb) {
            ticks.add(db == 0 ? 0.0 : db);
        }
        return ticks;
    }

    /**
     * A level as a label: "0", "−12" (a real minus sign, as meters print it), "+6", and with one decimal when it has
     * one ("−0.3").
     */
    public static String label(double db) {
        double tenths = Math.round(db * 10) / 10.0;
        String digits = tenths == Math.rint(tenths)
                ? String.format(Locale.ROOT, "%d", Math.abs(Math.round(tenths)))
                : String.format(Locale.ROOT, "%.1f", Math.abs(tenths));
        return tenths < 0 ? "\u2212" + digits : tenths > 0 ? "+" + digits : digits;
    }
}
