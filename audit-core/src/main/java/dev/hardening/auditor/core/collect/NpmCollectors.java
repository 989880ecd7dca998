package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmUserPackages;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of npm registry facts. */
final class NpmCollectors {
    private NpmCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        r.register(NpmFacts.PROFILE, (key, facts) -> clients.npm().profile());
        r.register(NpmFacts.TOKENS, (key, facts) -> clients.npm().tokens());
        r.register(NpmFacts.packument(""), (key, facts) -> clients.npm().packument(key.subject()));
        r.register(NpmFacts.userPackages(""), (key, facts) ->
                new NpmUserPackages(key.subject(), clients.npm().packagesOf(key.subject())));
        r.register(NpmFacts.AUDITED_PACKAGES, new NpmAuditedPackagesCollector(targets));
    }
}
