package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of facts about published artifacts (downloaded, verified and scanned in memory). */
final class ArtifactCollectors {
    private ArtifactCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
    }
}
