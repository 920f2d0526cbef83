package dev.gainstage.panel;

import dev.gainstage.proto.v1.StagingState;
import java.awt.Color;

/** One colour per staging state, readable on the dark and the light theme. */
public final class StagingColors {
    public static final Color IN_RANGE = new Color(0x2E7D32);
    public static final Color QUIET = new Color(0x1565C0);
    public static final Color HOT = new Color(0xEF8F00);
    public static final Color CLIPPING = new Color(0xC62828);
    public static final Color NO_SIGNAL = new Color(0x616161);
    /** A problem the user acknowledged: neither alarm nor all-clear. */
    public static final Color ACKNOWLEDGED = new Color(0x7E8FA6);

    private StagingColors() {}

    /** How bad a state is, for sorting and for the worst-of: clipping 4, hot 3, quiet 2, in range 1, no signal 0. */
    public static int rank(StagingState s) {
        return switch (s) {
            case STAGING_STATE_CLIPPING -> 4;
            case STAGING_STATE_HOT -> 3;
            case STAGING_STATE_QUIET -> 2;
            case STAGING_STATE_IN_RANGE -> 1;
            default -> 0;
        };
    }

    public static Color of(StagingState state) {
        return switch (state) {
            case STAGING_STATE_IN_RANGE -> IN_RANGE;
            case STAGING_STATE_QUIET -> QUIET;
            case STAGING_STATE_HOT -> HOT;
            case STAGING_STATE_CLIPPING -> CLIPPING;
            default -> NO_SIGNAL;
        };
    }
}
