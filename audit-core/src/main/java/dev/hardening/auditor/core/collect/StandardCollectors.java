package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.model.AuditTargets;

/**
 * Registers a collector for every fact kind, one platform at a time (each platform's collectors
 * live in their own class). Failures propagate as {@link CollectionException}s, which
 * {@code MemoizedFacts} keeps as Unavailable facts.
 */
public final class StandardCollectors {
    private StandardCollectors() {
    }

    /** Collectors that read nothing of this machine (no home, no declarations). */
    public static CollectorRegistry create(Clients clients, AuditTargets targets) {
        return create(clients, targets, LocalSources.none());
    }

    /** @param local what is read from this machine: the home (with --workstation) and the user's declarations */
    public static CollectorRegistry create(Clients clients, AuditTargets targets, LocalSources local) {
        CollectorRegistry r = new CollectorRegistry();
        GitHubCollectors.register(r, clients, targets);
        GitHubRepoCollectors.register(r, clients, targets);
        NpmCollectors.register(r, clients, targets);
        PyPICollectors.register(r, clients, targets);
        EmailCollectors.register(r, clients, targets);
        WorkstationCollectors.register(r, clients, targets, local);
        LocalCollectors.register(r, local);
        ArtifactCollectors.register(r, clients, targets);
        return r;
    }
}
