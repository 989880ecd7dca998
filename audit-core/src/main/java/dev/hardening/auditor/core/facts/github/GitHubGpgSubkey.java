package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.keys.KeyDescription;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A subkey as GitHub lists it under a GPG key (used when GitHub has no {@code raw_key} to parse).
 *
 * @param description from GitHub's {@code public_key} packet, when it could be read
 */
public record GitHubGpgSubkey(String keyId, boolean canSign, Optional<Instant> expiresAt, Optional<Boolean> revoked,
                              Optional<KeyDescription> description) {
    public GitHubGpgSubkey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revoked, "revoked");
        Objects.requireNonNull(description, "description");
    }
}
