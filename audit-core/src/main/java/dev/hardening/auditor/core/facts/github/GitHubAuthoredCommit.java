package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit of {@code GET /repos/{owner}/{repo}/commits}, with the GitHub accounts GitHub linked to its
 * author and committer (by address) and git's own author and committer addresses.
 */
public record GitHubAuthoredCommit(String repo, String sha, Optional<String> authorLogin, String authorEmail,
                                   Optional<String> committerLogin, String committerEmail, Optional<Instant> authoredAt,
                                   GitHubCommitVerification verification) {
    public GitHubAuthoredCommit {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(authorLogin, "authorLogin");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(committerLogin, "committerLogin");
        Objects.requireNonNull(committerEmail, "committerEmail");
        Objects.requireNonNull(authoredAt, "authoredAt");
        Objects.requireNonNull(verification, "verification");
    }
}
