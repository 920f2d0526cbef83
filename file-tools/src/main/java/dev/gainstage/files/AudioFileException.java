package dev.gainstage.files;

import java.io.IOException;

/** An audio file that cannot be read; the message names the file and the problem. */
public final class AudioFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public AudioFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The problem alone, without the file's name. */
    public String problem() {
        return problem;
    }
}
