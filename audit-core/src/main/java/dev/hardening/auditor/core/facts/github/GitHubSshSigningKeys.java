package dev.hardening.auditor.core.facts.github;

import java.util.List;

/** The SSH keys a user registered on GitHub for signing ({@code GET /users/{login}/ssh_signing_keys}). */
public record GitHubSshSigningKeys(String login, List<GitHubSshSigningKey> keys) {
    public GitHubSshSigningKeys {
        keys = List.copyOf(keys);
    }
}
