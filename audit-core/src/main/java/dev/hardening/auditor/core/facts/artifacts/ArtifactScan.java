package dev.hardening.auditor.core.facts.artifacts;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.scan.ScanResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The scan of one published file (or of a local path, for {@code auditor scan}).
 *
 * @param version  the release version; empty for a local scan
 * @param file     the artifact's file name, or the scanned path
 * @param verified how the download was verified, e.g. {@code dist.integrity (sha512)}; empty when not downloaded
 * @param result   what the scan found, when the artifact could be read
 * @param failure  why it could not be downloaded or verified
 */
public record ArtifactScan(String version, String file, String verified, Optional<ScanResult> result,
                           Optional<Unavailability> failure) {
    public ArtifactScan {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
        verified = verified == null ? "" : verified;
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        if (result.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an artifact scan has either a result or a failure");
        }
    }

    public static ArtifactScan scanned(String version, String file, String verified, ScanResult result) {
        return new ArtifactScan(version, file, verified, Optional.of(result), Optional.empty());
    }

    public static ArtifactScan failed(String version, String file, Unavailability why) {
        return new ArtifactScan(version, file, "", Optional.empty(), Optional.of(why));
    }

    /** {@code 1.2.3 inkwell-1.2.3.tar.gz}, or the file alone for a local scan. */
    public String label() {
        return version.isEmpty() ? file : version + " " + file;
    }
}
