package dev.gainstage.panel.dock;

import java.awt.Rectangle;
import java.util.Optional;

/** Where the DAW's main window is on the screen, if it can be found. */
@FunctionalInterface
public interface DawWindowSource {
    Optional<Rectangle> find();
}
