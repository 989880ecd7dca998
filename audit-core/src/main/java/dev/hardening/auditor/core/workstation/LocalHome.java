package dev.hardening.auditor.core.workstation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A home on the local file system. Symbolic links are followed, as an install script would follow
 * them (dotfile managers link {@code ~/.npmrc} into a repository), but only regular files are read,
 * and never more than {@link Home#MAX_FILE_BYTES}.
 */
public final class LocalHome implements Home {
    private final OsFamily os;
    private final Path home;
    private final Path workingDirectory;
    private final Map<String, String> environment;

    public LocalHome(OsFamily os, Path home, Path workingDirectory, Map<String, String> environment) {
        this.os = Objects.requireNonNull(os, "os");
        this.home = Objects.requireNonNull(home, "home");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.environment = Map.copyOf(environment);
    }

    /** This machine: its home, working directory and environment. Never used by tests. */
    public static LocalHome current() {
        return new LocalHome(OsFamily.of(System.getProperty("os.name", "")),
                Path.of(System.getProperty("user.home", ".")), Path.of("").toAbsolutePath(), System.getenv());
    }

    @Override
    public OsFamily os() {
        return os;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public Optional<String> readText(Path file) throws IOException {
        if (!Files.exists(file) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded read: the file may grow between the size check and the read.
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES / 1024 + " KB");
        }
        return Optional.of(decode(bytes));
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public List<Path> listFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) || Files.isSymbolicLink(p) && Files.isRegularFile(p, new LinkOption[0])) {
                    files.add(p);
                }
                if (files.size() >= 500) {
                    break;
                }
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException cannotHappenWithReplace) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
