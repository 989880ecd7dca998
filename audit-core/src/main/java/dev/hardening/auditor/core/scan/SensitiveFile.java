package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.model.Severity;
import java.util.Objects;

/**
 * A file that should never be published, found by its name (and, for some, a glance at its content).
 *
 * @param kind     e.g. {@code dotenv}, {@code npmrc}, {@code private-key-file}, {@code git-directory}, {@code pth-file}
 * @param path     where it is, as in {@link SecretMatch#path()}
 * @param reason   why it matters, one short sentence
 * @param severity how bad it is here
 */
public record SensitiveFile(String kind, String path, String reason, Severity severity) {
    public SensitiveFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
    }
}
