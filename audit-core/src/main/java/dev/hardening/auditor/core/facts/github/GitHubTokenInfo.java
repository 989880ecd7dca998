package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the supplied GitHub token is, read from its prefix and the headers of {@code GET /user}.
 * Holds no part of the token but its kind and fingerprint.
 *
 * @param kind        by prefix
 * @param fingerprint SHA-256 prefix, to tell tokens apart in reports
 * @param scopes      {@code X-OAuth-Scopes} (classic and OAuth tokens); empty when the header is absent
 *                    (fine-grained tokens do not send it)
 * @param expiresAt   {@code github-authentication-token-expiration}; empty when absent (no expiry,
 *                    or a token kind that does not report it)
 */
public record GitHubTokenInfo(GitHubTokenKind kind, String fingerprint, Optional<Set<String>> scopes,
                              Optional<Instant> expiresAt) {
    public GitHubTokenInfo {
        scopes = scopes.map(Set::copyOf);
    }
}
