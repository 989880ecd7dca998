package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The GitHub facts that checks can ask for. */
public final class GitHubFacts {
    private GitHubFacts() {
    }

    /** {@code GET /user} with the supplied token. Unavailable without a token. */
    public static final FactKey<GitHubViewer> VIEWER = FactKey.of("github.viewer", Platform.GITHUB, GitHubViewer.class);

    private static final FactKey<GitHubUser> USER = FactKey.of("github.user", Platform.GITHUB, GitHubUser.class);

    /** {@code GET /users/{login}}. */
    public static FactKey<GitHubUser> user(String login) {
        return USER.about(login);
    }
}
