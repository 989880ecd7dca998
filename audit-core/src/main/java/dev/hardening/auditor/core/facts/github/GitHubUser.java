package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Optional;

/**
 * A GitHub account as {@code GET /user} or {@code GET /users/{login}} shows it.
 *
 * @param login                   the login
 * @param id                      the numeric id
 * @param name                    display name, or empty
 * @param publicEmail             the public profile address, or empty
 * @param twoFactorAuthentication {@code two_factor_authentication}; present only on {@code GET /user}
 *                                with a token that may read it
 * @param createdAt               account creation
 */
public record GitHubUser(String login, long id, String name, Optional<String> publicEmail,
                         Optional<Boolean> twoFactorAuthentication, Optional<Instant> createdAt) {
}
