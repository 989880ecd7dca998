package dev.hardening.auditor.checks.recorded;

import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub token descriptions as the client derives them from a token's prefix and the headers of
 * {@code GET /user} (X-OAuth-Scopes, github-authentication-token-expiration). No token value here.
 */
public final class Tokens {
    public static final String FINGERPRINT = "sha256:0123456789ab";

    private Tokens() {
    }

    public static GitHubTokenInfo classic(Optional<Instant> expiresAt, String... scopes) {
        return new GitHubTokenInfo(GitHubTokenKind.CLASSIC_PAT, FINGERPRINT, Optional.of(Set.of(scopes)), expiresAt);
    }

    public static GitHubTokenInfo of(GitHubTokenKind kind, Optional<Set<String>> scopes, Optional<Instant> expiresAt) {
        return new GitHubTokenInfo(kind, FINGERPRINT, scopes, expiresAt);
    }

    public static GitHubTokenInfo fineGrained(Optional<Instant> expiresAt) {
        return new GitHubTokenInfo(GitHubTokenKind.FINE_GRAINED_PAT, FINGERPRINT, Optional.empty(), expiresAt);
    }
}
