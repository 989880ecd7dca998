package dev.hardening.auditor.core.facts.pypi;

import java.util.List;

/**
 * The PEP 740 provenance of one file, from the Integrity API
 * ({@code GET /integrity/{project}/{version}/{filename}/provenance}); {@code present} is false when
 * PyPI has none (404).
 */
public record PyPIFileProvenance(String project, String version, String filename, boolean present,
                                 List<PyPIPublisher> publishers) {
    public PyPIFileProvenance {
        publishers = List.copyOf(publishers);
    }
}
