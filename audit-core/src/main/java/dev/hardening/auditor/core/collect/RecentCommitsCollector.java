package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.github.GitHubClient;
import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.facts.github.GitHubUserRepo;
import dev.hardening.auditor.core.http.FetchException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code github.recent-commits}: the user's commits on the default branches of the public
 * repositories they own, newest pushed first. Bounded to {@value #MAX_REPOS} repositories (forks
 * skipped: their branches mostly hold upstream commits) and {@value #COMMITS_PER_REPO} commits each,
 * one request per repository. A repository that cannot be read becomes a gap; the others still count.
 */
final class RecentCommitsCollector implements Collector<GitHubRecentCommits> {
    static final int MAX_REPOS = 5;
    static final int COMMITS_PER_REPO = 20;

    private final GitHubClient github;

    RecentCommitsCollector(GitHubClient github) {
        this.github = github;
    }

    @Override
    public GitHubRecentCommits collect(FactKey<GitHubRecentCommits> key, Facts facts) throws FetchException {
        String login = key.subject();
        List<GitHubUserRepo> repos = facts.require(GitHubFacts.userRepos(login)).repositories().stream()
                .filter(r -> !r.fork()).limit(MAX_REPOS).toList();
        List<GitHubAuthoredCommit> commits = new ArrayList<>();
        List<String> read = new ArrayList<>();
        List<Unavailability> gaps = new ArrayList<>();
        for (GitHubUserRepo repo : repos) {
            try {
                commits.addAll(github.commitsBy(repo.fullName(), login, COMMITS_PER_REPO));
                read.add(repo.fullName());
            } catch (FetchException e) {
                if (e.cause() == Unavailability.Cause.CANCELLED) {
                    throw e;
                }
                gaps.add(e.unavailability());
            }
        }
        return new GitHubRecentCommits(login, commits, read, gaps);
    }
}
