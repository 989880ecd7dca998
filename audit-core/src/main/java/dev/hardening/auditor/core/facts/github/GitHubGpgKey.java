package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.keys.KeyDescription;
import dev.hardening.auditor.core.keys.OpenPgpCertificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A GPG key of {@code GET /users/{login}/gpg_keys}: GitHub's fields, and its {@code raw_key} parsed.
 *
 * @param canSign     GitHub's {@code can_sign}
 * @param revoked     GitHub's {@code revoked}, when the response has it
 * @param certificate the parsed {@code raw_key}; empty when GitHub has none ({@code null}) or it could not be read
 * @param description from GitHub's {@code public_key} packet, for keys without a readable {@code raw_key}
 * @param problem     why the {@code raw_key} could not be used (absent, malformed, truncated), in one sentence
 */
public record GitHubGpgKey(long id, String keyId, boolean canSign, Optional<Instant> createdAt, Optional<Instant> expiresAt,
                           Optional<Boolean> revoked, Optional<OpenPgpCertificate> certificate,
                           Optional<KeyDescription> description, Optional<String> problem, List<GitHubGpgSubkey> subkeys) {
    public GitHubGpgKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(problem, "problem");
        subkeys = List.copyOf(subkeys);
    }
}
