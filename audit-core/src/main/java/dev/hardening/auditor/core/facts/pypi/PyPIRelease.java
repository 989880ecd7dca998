package dev.hardening.auditor.core.facts.pypi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A release and its files, from the project document's {@code releases} map. */
public record PyPIRelease(String version, List<PyPIFile> files) {
    public PyPIRelease {
        files = List.copyOf(files);
    }

    /** The earliest upload time of its files. */
    public Optional<Instant> uploadedAt() {
        return files.stream().map(PyPIFile::uploadTime).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }
}
