package dev.gainstage.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an audio file with the reader for its format: WAV (by its RIFF header, or a {@code .wav} name) with the
 * dependency-free {@link WavReader}, so metering a WAV never loads JNA or libsndfile; every other file through
 * {@link SndfileReader}. A path that is no file is refused here, in one line, before either reader sees it.
 */
final class AudioFiles {
    private AudioFiles() {}

    static AudioSource open(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new AudioFileException(name, "is a directory, not an audio file");
        }
        if (!Files.exists(file)) {
            throw new AudioFileException(name, "no such file");
        }
        if (isWav(file)) {
            return WavReader.open(file);
        }
        return SndfileReader.open(file);
    }

    /**
     * A RIFF header, a file too short to have any header (the WAV reader says how short), or a {@code .wav} name on
     * a file that is no RF64/BW64 (64-bit WAV, which libsndfile reads): the WAV reader's to read or to judge.
     */
    private static boolean isWav(Path file) throws AudioFileException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file.toString(), "permission denied");
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new AudioFileException(file.toString(), "cannot be opened (" + e.getMessage() + ")");
        }
        if (magic.length < 4) {
            return true;
        }
        String id = new String(magic, StandardCharsets.ISO_8859_1);
        if (id.equals("RF64") || id.equals("BW64")) {
            return false;
        }
        return id.equals("RIFF")
                || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }
}
