package dev.hardening.auditor.core.facts.github;

import java.util.List;
import java.util.Optional;

/** The token owner's addresses ({@code GET /user/emails}). */
public record GitHubEmails(String login, List<GitHubEmail> addresses) {
    public GitHubEmails {
        addresses = List.copyOf(addresses);
    }

    public Optional<GitHubEmail> primary() {
        return addresses.stream().filter(GitHubEmail::primary).findFirst();
    }
}
