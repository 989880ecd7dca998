package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;
import java.util.List;

/**
 * The SSH keys GitHub lists for a user, each by type, size and fingerprint: authentication keys
 * ({@code GET /users/{login}/keys}) or signing keys ({@code GET /users/{login}/ssh_signing_keys}),
 * both public. A private key on the workstation whose fingerprint is here can push to every
 * repository the user can write to, or sign commits GitHub shows as Verified.
 */
public record GitHubAuthKeys(String login, List<Key> keys) {
    private static final FactKey<GitHubAuthKeys> KEY = FactKey.of("github.user-keys", Platform.GITHUB, GitHubAuthKeys.class);
    private static final FactKey<GitHubAuthKeys> SIGNING =
            FactKey.of("github.user-ssh-signing-keys", Platform.GITHUB, GitHubAuthKeys.class);

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

    /** The fact key for one user's authentication keys. */
    public static FactKey<GitHubAuthKeys> of(String login) {
        return KEY.about(login);
    }

    /** The fact key for one user's SSH signing keys. */
    public static FactKey<GitHubAuthKeys> signingOf(String login) {
        return SIGNING.about(login);
    }

    public boolean contains(String fingerprint) {
        return keys.stream().anyMatch(k -> k.fingerprint().equals(fingerprint));
    }
}
