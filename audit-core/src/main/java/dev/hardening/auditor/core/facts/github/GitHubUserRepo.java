package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A repository a user owns, as {@code GET /users/{login}/repos} lists it. */
public record GitHubUserRepo(String fullName, boolean fork, boolean archived, String defaultBranch, Optional<Instant> pushedAt) {
    public GitHubUserRepo {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(pushedAt, "pushedAt");
    }
}
