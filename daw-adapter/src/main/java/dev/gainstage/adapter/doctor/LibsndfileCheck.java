package dev.gainstage.adapter.doctor;

import com.sun.jna.NativeLibrary;
import java.util.List;

/**
 * libsndfile, which {@code meter} and {@code analyze} read every format but WAV through: whether it loads, and its
 * version. A note when missing, not a to-do: the DAW side and WAV files work without it.
 */
final class LibsndfileCheck implements DoctorCheck {
    /** The soname the file tools load (Debian ships no unversioned {@code libsndfile.so} without the -dev package). */
    static final String SONAME = "libsndfile.so.1";

    static final String INSTALL = "install libsndfile1 (apt install libsndfile1)";
    private final String soname;

    LibsndfileCheck() {
        this(SONAME);
    }

    /** @param soname the library to look for (a test gives one that is not there) */
    LibsndfileCheck(String soname) {
        this.soname = soname;
    }

    @Override
    public List<Finding> run() {
        try {
            NativeLibrary lib = NativeLibrary.getInstance(soname);
            String version = lib.getFunction("sf_version_string").invokeString(new Object[0], false);
            return List.of(Finding.ok(
                    "libsndfile",
                    version + " loads (" + lib.getFile()
                            + "): meter and analyze read FLAC, AIFF, Ogg Vorbis, Opus and MP3"));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return List.of(Finding.note(
                    "libsndfile", soname + " cannot be loaded, so meter and analyze read WAV files only: " + INSTALL));
        }
    }
}
