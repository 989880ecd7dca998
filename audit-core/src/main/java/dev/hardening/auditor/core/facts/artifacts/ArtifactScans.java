package dev.hardening.auditor.core.facts.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * The scans of a package's latest published artifacts (or of one local path).
 *
 * @param subject   {@code npm:name}, {@code pypi:name}, or the scanned path
 * @param artifacts one scan per file, newest version first
 */
public record ArtifactScans(String subject, List<ArtifactScan> artifacts) {
    public ArtifactScans {
        Objects.requireNonNull(subject, "subject");
        artifacts = List.copyOf(artifacts);
    }
}
