package dev.hardening.auditor.core.facts.pypi;

import java.time.Instant;
import java.util.Optional;

/**
 * One distribution file of a release.
 *
 * @param packageType {@code bdist_wheel} or {@code sdist}
 * @param sha256      {@code digests.sha256}
 */
public record PyPIFile(String filename, String packageType, String sha256, long size, Optional<Instant> uploadTime,
                       boolean yanked, String url) {
}
