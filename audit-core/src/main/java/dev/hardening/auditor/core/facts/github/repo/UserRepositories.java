package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;

/**
 * A user's own repositories ({@code GET /users/{u}/repos?type=owner&sort=pushed}), most recently
 * pushed first, forks and archived repositories left out.
 *
 * @param skipped   how many forks and archived repositories were left out
 * @param truncated whether the list was cut at the audit's limit
 */
public record UserRepositories(String login, List<RepoRef> repositories, int skipped, boolean truncated) {
    public UserRepositories {
        repositories = List.copyOf(repositories);
    }
}
