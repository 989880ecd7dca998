package dev.hardening.auditor.core.facts.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit listed in a public {@code PushEvent}: the author as git recorded it (no GitHub login), so
 * a push can carry other people's commits (merges from upstream).
 *
 * @param repo     {@code owner/name} pushed to
 * @param pushedAt the event's {@code created_at}
 */
public record GitHubPushedCommit(String repo, String sha, String authorName, String authorEmail, Optional<Instant> pushedAt) {
    public GitHubPushedCommit {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(pushedAt, "pushedAt");
    }
}
