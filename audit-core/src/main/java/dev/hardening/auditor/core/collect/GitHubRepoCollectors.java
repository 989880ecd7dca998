package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of GitHub repository facts (publishing repositories, protections, workflows, access). */
final class GitHubRepoCollectors {
    private GitHubRepoCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
    }
}
