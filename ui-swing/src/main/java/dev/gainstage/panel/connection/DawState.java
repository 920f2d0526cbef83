package dev.gainstage.panel.connection;

import dev.gainstage.proto.v1.SessionView;

/**
 * What the panel knows of the DAW behind its sidecar, from the latest view: no session yet, a session whose DAW is not
 * attached, a DAW attached and sending audio, or a DAW gone (its adapter's stream ended, or it has sent no audio for
 * {@link #GONE_AFTER_SECONDS}), with how long ago. The sidecar's own state is {@link ConnectionState}.
 */
public record DawState(Kind kind, String adapterName, double silentSeconds) {
    public enum Kind {
        /** The sidecar holds no DAW session yet. */
        NO_SESSION,
        /** A session, but no DAW attached to it (and none has sent audio to it). */
        NOT_ATTACHED,
        ATTACHED,
        /** The DAW was attached and went away or fell silent: its levels are frozen. */
        GONE
    }

    /**
     * A DAW that sends no audio for this long is gone. Taps stream whenever the DAW's audio engine runs (a stopped
     * transport sends silence), so a second without any is not a pause; the sidecar tells every 0.5 s.
     */
    public static final double GONE_AFTER_SECONDS = 1.0;

    public static DawState of(SessionView view) {
        if (view.getSessionKey().isEmpty()) {
            return new DawState(Kind.NO_SESSION, "", 0);
        }
        double silent = view.hasAdapterSilentSeconds() ? view.getAdapterSilentSeconds() : 0;
        if (!view.getAdapterConnected()) {
            return new DawState(view.hasAdapterSilentSeconds() ? Kind.GONE : Kind.NOT_ATTACHED, "", silent);
        }
        return new DawState(silent >= GONE_AFTER_SECONDS ? Kind.GONE : Kind.ATTACHED, view.getAdapterName(), silent);
    }

    /** The levels shown are no longer live. */
    public boolean frozen() {
        return kind == Kind.GONE;
    }

    /** In words, for the status bar: "DAW attached (sim)", "DAW gone 0:12 ago", "no DAW attached". */
    public String text() {
        return switch (kind) {
            case NO_SESSION -> "no DAW session yet";
            case NOT_ATTACHED -> "no DAW attached";
            case ATTACHED -> "DAW attached" + (adapterName.isEmpty() ? "" : " (" + adapterName + ")");
            case GONE -> "DAW gone " + clock(silentSeconds) + " ago, levels frozen";
        };
    }

    /** Whole seconds as m:ss, or h:mm:ss from an hour. */
    static String clock(double seconds) {
        long s = (long) Math.max(0, seconds);
        long h = s / 3600;
        long m = (s / 60) % 60;
        String ss = (s % 60 < 10 ? "0" : "") + (s % 60);
        return h > 0 ? h + ":" + (m < 10 ? "0" : "") + m + ":" + ss : m + ":" + ss;
    }
}
