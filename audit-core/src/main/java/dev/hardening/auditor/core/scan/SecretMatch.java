package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.model.Severity;
import java.util.Objects;

/**
 * One secret found in one file. It never holds the secret: only a redacted rendering (the format's
 * public prefix and the length) and a fingerprint (a SHA-256 prefix) to recognise the same secret
 * elsewhere.
 *
 * @param kind        the rule's kind, e.g. {@code aws-access-key-id}
 * @param title       the kind in words
 * @param path        the file, relative to what was scanned; inside archives {@code outer.tgz!/package/x.js}
 * @param line        1-based line of the match
 * @param redacted    e.g. {@code ghp_… (40 chars)}; never the whole secret
 * @param fingerprint {@code sha256:} and 12 hex characters of the secret's SHA-256
 * @param validation  whether an offline checksum or structure check confirmed the format
 * @param severity    the rule's severity, lowered in test directories
 * @param testPath    whether the file is in a test, fixture or example directory
 */
public record SecretMatch(String kind, String title, String path, int line, String redacted, String fingerprint,
                          Validation validation, Severity severity, boolean testPath) {
    public SecretMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(redacted, "redacted");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(severity, "severity");
    }

    /** Whether a checksum or structure check confirmed it. */
    public boolean validated() {
        return validation == Validation.VALID;
    }
}
