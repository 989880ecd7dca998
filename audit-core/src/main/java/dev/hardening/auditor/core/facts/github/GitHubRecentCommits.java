package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;

/**
 * A user's recent commits: those GitHub attributes to them on the default branches of the public
 * repositories they own (forks skipped), most recently pushed repositories first, a bounded number
 * of each.
 *
 * @param repositories the repositories read, {@code owner/name}
 * @param gaps         repositories that could not be read, and why
 */
public record GitHubRecentCommits(String login, List<GitHubAuthoredCommit> commits, List<String> repositories,
                                  List<Unavailability> gaps) {
    public GitHubRecentCommits {
        commits = List.copyOf(commits);
        repositories = List.copyOf(repositories);
        gaps = List.copyOf(gaps);
    }
}
