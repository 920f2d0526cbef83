package dev.gainstage.files;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The part of libsndfile (1.x, Debian's {@code libsndfile1}) the file tools call, over JNA. Loaded on first use
 * only, so a WAV file never loads it; {@link #get()} says in one line how to install it when it is missing.
 */
interface Libsndfile extends Library {
    /** The library's soname: Debian ships no unversioned {@code libsndfile.so} without the -dev package. */
    String SONAME = "libsndfile.so.1";

    String INSTALL = "install libsndfile1 (apt install libsndfile1)";

    int SFM_READ = 0x10;
    int SF_ERR_UNRECOGNISED_FORMAT = 1;
    int SFC_GET_LIB_VERSION = 0x1000;
    int SF_FORMAT_TYPEMASK = 0x0FFF0000;
    int SF_FORMAT_SUBMASK = 0x0000FFFF;
    int SF_FORMAT_MPEG = 0x230000;

    Pointer sf_open(String path, int mode, Info info);

    long sf_readf_float(Pointer sndfile, Pointer ptr, long frames);

    int sf_error(Pointer sndfile);

    String sf_strerror(Pointer sndfile);

    int sf_command(Pointer sndfile, int command, Pointer data, int datasize);

    int sf_close(Pointer sndfile);

    /** {@code SF_INFO}, filled in by {@code sf_open}. */
    @Structure.FieldOrder({"frames", "samplerate", "channels", "format", "sections", "seekable"})
    final class Info extends Structure {
        public long frames;
        public int samplerate;
        public int channels;
        public int format;
        public int sections;
        public int seekable;
    }

    /** The library, loaded once; the error names the package to install. */
    static Libsndfile get() throws Missing {
        return Holder.load(SONAME);
    }

    /** libsndfile could not be loaded. */
    final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String soname, Throwable cause) {
            super(
                    "reading formats other than WAV needs libsndfile (" + soname + " could not be loaded): " + INSTALL,
                    cause);
        }
    }

    /** Loads on first call; a failed load is tried again next time (the user may install it meanwhile). */
    final class Holder {
        private static volatile Libsndfile loaded;

        private Holder() {}

        static Libsndfile load(String soname) throws Missing {
            Libsndfile l = loaded;
            if (l != null && soname.equals(SONAME)) {
                return l;
            }
            try {
                l = Native.load(soname, Libsndfile.class);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new Missing(soname, e);
            }
            if (soname.equals(SONAME)) {
                loaded = l;
            }
            return l;
        }
    }
}
