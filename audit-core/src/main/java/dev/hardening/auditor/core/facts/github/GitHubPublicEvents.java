package dev.hardening.auditor.core.facts.github;

import java.util.List;

/**
 * What a user's public events ({@code GET /users/{login}/events/public}, at most the 300 events of the
 * last 90 days GitHub keeps) show of their pushes.
 *
 * @param events                   events read
 * @param pushEvents               of which {@code PushEvent}s
 * @param pushEventsWithoutCommits push events whose payload lists no commits (GitHub dropped the list in 2025)
 * @param commits                  the commits the push events list
 * @param complete                 whether every page GitHub offered was read
 */
public record GitHubPublicEvents(String login, int events, int pushEvents, int pushEventsWithoutCommits,
                                 List<GitHubPushedCommit> commits, boolean complete) {
    public GitHubPublicEvents {
        commits = List.copyOf(commits);
    }
}
