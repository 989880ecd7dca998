package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.model.AuditTargets;

/** Registers a collector for every fact kind. STUB: implementation in progress. */
public final class StandardCollectors {
    private StandardCollectors() {
    }

    public static CollectorRegistry create(Clients clients, AuditTargets targets) {
        return new CollectorRegistry();
    }
}
