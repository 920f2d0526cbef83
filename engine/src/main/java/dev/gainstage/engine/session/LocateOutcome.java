package dev.gainstage.engine.session;

/** What became of a request to move the DAW's playhead: where it is now when moved, else why not. */
public record LocateOutcome(boolean moved, double positionSeconds, String message) {
    public static LocateOutcome refused(String why) {
        return new LocateOutcome(false, Double.NaN, why);
    }
}
