package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;
import java.util.List;

/**
 * The SSH authentication keys GitHub lists for a user ({@code GET /users/{login}/keys}, public),
 * each by type, size and fingerprint. A private key on the workstation whose fingerprint is here
 * can push to every repository the user can write to.
 */
public record GitHubAuthKeys(String login, List<Key> keys) {
    private static final FactKey<GitHubAuthKeys> KEY = FactKey.of("github.user-keys", Platform.GITHUB, GitHubAuthKeys.class);

    /**
     * @param id          GitHub's key id
     * @param type        e.g. {@code ssh-ed25519}
     * @param bits        key size
     * @param fingerprint {@code SHA256:...} as {@code ssh-keygen -l} prints it
     */
    public record Key(long id, String type, int bits, String fingerprint) {
    }

    public GitHubAuthKeys {
        keys = List.copyOf(keys);
    }

    /** The fact key for one user's keys. */
    public static FactKey<GitHubAuthKeys> of(String login) {
        return KEY.about(login);
    }

    public boolean contains(String fingerprint) {
        return keys.stream().anyMatch(k -> k.fingerprint().equals(fingerprint));
    }
}
