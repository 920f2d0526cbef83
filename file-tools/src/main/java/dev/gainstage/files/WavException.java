package dev.gainstage.files;

import java.io.IOException;

/** A WAV file that cannot be read; the message names the file and the problem. */
public final class WavException extends IOException {
    private static final long serialVersionUID = 1L;

    public WavException(String file, String problem) {
        super(file + ": " + problem);
    }
}
