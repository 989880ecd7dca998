package dev.hardening.auditor.core.facts.github;

import java.util.List;

/**
 * The public repositories a user owns, most recently pushed first, up to a bound.
 *
 * @param complete whether the user owns no more than were listed
 */
public record GitHubUserRepos(String login, List<GitHubUserRepo> repositories, boolean complete) {
    public GitHubUserRepos {
        repositories = List.copyOf(repositories);
    }
}
