package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of GitHub facts. */
final class GitHubCollectors {
    private GitHubCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        r.register(GitHubFacts.VIEWER, (key, facts) -> clients.github().viewer());
        r.register(GitHubFacts.user(""), (key, facts) -> clients.github().user(key.subject()));
        r.register(GitHubAuthKeys.of(""), (key, facts) -> clients.github().authenticationKeys(key.subject()));
        r.register(GitHubAuthKeys.signingOf(""), (key, facts) -> clients.github().sshSigningKeys(key.subject()));
    }
}
