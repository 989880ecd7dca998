package dev.hardening.auditor.core.workstation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A home with no files and an empty environment, for audits that must not read the machine. */
public final class NoHome implements Home {
    private static final Path NOWHERE = Path.of("").toAbsolutePath().resolve(".no-home");

    @Override
    public OsFamily os() {
        return OsFamily.LINUX;
    }

    @Override
    public Path home() {
        return NOWHERE;
    }

    @Override
    public Path workingDirectory() {
        return NOWHERE;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public Optional<String> readText(Path file) {
        return Optional.empty();
    }

    @Override
    public boolean isDirectory(Path path) {
        return false;
    }

    @Override
    public List<Path> listFiles(Path directory) {
        return List.of();
    }
}
