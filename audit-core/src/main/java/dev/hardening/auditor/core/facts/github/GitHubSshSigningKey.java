package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.keys.SshPublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An SSH signing key of {@code GET /users/{login}/ssh_signing_keys}.
 *
 * @param key     the parsed {@code key}; empty when it could not be read
 * @param problem why it could not be read, in one sentence
 */
public record GitHubSshSigningKey(long id, String title, Optional<Instant> createdAt, Optional<SshPublicKey> key,
                                  Optional<String> problem) {
    public GitHubSshSigningKey {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(problem, "problem");
    }
}
