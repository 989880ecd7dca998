package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKeys;
import java.util.ArrayList;
import java.util.List;

/** A user's SSH signing keys (already fetched and parsed) by type, size and fingerprint. */
final class SigningKeyFingerprints {
    private SigningKeyFingerprints() {
    }

    static GitHubAuthKeys of(GitHubSshSigningKeys signing) {
        List<GitHubAuthKeys.Key> keys = new ArrayList<>();
        for (GitHubSshSigningKey k : signing.keys()) {
            k.key().ifPresent(pub -> keys.add(new GitHubAuthKeys.Key(k.id(), pub.type(),
                    pub.description().bits().orElse(0), pub.fingerprint())));
        }
        return new GitHubAuthKeys(signing.login(), keys);
    }
}
