package dev.hardening.auditor.core.facts.github;

import java.util.List;

/** The GPG keys a user registered on GitHub ({@code GET /users/{login}/gpg_keys}). */
public record GitHubGpgKeys(String login, List<GitHubGpgKey> keys) {
    public GitHubGpgKeys {
        keys = List.copyOf(keys);
    }
}
