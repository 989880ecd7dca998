package dev.hardening.auditor.core.facts.github;

import java.util.Objects;
import java.util.Optional;

/**
 * One address of {@code GET /user/emails}.
 *
 * @param visibility {@code public} or {@code private} on the primary address ("Keep my email addresses
 *                   private" sets {@code private}); empty ({@code null}) on the others
 */
public record GitHubEmail(String address, boolean primary, boolean verified, Optional<String> visibility) {
    public GitHubEmail {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(visibility, "visibility");
    }
}
