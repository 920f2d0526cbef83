package dev.gainstage.panel.dock;

import java.awt.Rectangle;

/** Where the panel goes beside the DAW: against its right edge, or its left when the right has no room. */
public final class DockPlacement {
    private DockPlacement() {}

    /**
     * @param daw    the DAW window's bounds
     * @param width  the panel's width
     * @param screen the screen's bounds
     */
    public static Rectangle beside(Rectangle daw, int width, Rectangle screen) {
        int right = daw.x + daw.width;
        int x = right + width <= screen.x + screen.width || daw.x - width < screen.x ? right : daw.x - width;
        return new Rectangle(x, daw.y, width, daw.height);
    }
}
