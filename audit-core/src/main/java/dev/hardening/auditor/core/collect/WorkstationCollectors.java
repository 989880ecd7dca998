package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of facts about this machine (credential files, environment, SSH keys). */
final class WorkstationCollectors {
    private WorkstationCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
    }
}
