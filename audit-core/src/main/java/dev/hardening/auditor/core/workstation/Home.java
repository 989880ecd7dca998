package dev.hardening.auditor.core.workstation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's home as an install script running as this user would see it: the home directory, the
 * working directory, the environment, and read access to files. Everything the workstation scan
 * reads goes through this interface, so tests plant a fake home in a temporary directory and the
 * demo world serves one from the class path; the real home is read only by {@link LocalHome#current()}.
 */
public interface Home {
    /** Largest file read; credential files are a few kilobytes. */
    int MAX_FILE_BYTES = 1024 * 1024;

    OsFamily os();

    Path home();

    Path workingDirectory();

    /** The environment of this process, as inherited by every program it starts. */
    Map<String, String> environment();

    /** An environment variable, when set and not blank. */
    default Optional<String> env(String name) {
        String v = environment().get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * A regular file's text (UTF-8, malformed bytes replaced); empty when it does not exist or is
     * not a regular file (a directory, a FIFO that would block).
     *
     * @throws IOException when it exists but cannot be read, or is larger than {@link #MAX_FILE_BYTES}
     */
    Optional<String> readText(Path file) throws IOException;

    /** Whether the path is a directory. */
    boolean isDirectory(Path path);

    /** The entries of a directory (files only, not recursive); empty when it does not exist. */
    List<Path> listFiles(Path directory) throws IOException;

    /** How a path is shown: {@code ~/.npmrc} under the home, else as it is. Never a secret. */
    default String display(Path file) {
        Path h = home().toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(h) && !f.equals(h)) {
            return "~/" + h.relativize(f).toString().replace('\\', '/');
        }
        return f.toString();
    }
}
