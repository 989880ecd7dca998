package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code commit.verification} of a commit: whether GitHub verified its signature, and why not
 * ({@code unsigned}, {@code unknown_key}, {@code expired_key}, {@code bad_email}, {@code invalid}, ...).
 */
public record GitHubCommitVerification(boolean verified, String reason, Optional<Instant> verifiedAt) {
    public GitHubCommitVerification {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
