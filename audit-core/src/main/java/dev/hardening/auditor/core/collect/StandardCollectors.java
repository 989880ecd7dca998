package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.HibpFacts;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmUserPackages;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.rdap.RdapFacts;
import dev.hardening.auditor.core.model.AuditTargets;

/**
 * Registers a collector for every fact kind. Each one calls one client; failures propagate as
 * {@link CollectionException}s, which {@code MemoizedFacts} keeps as Unavailable facts.
 */
public final class StandardCollectors {
    private StandardCollectors() {
    }

    public static CollectorRegistry create(Clients clients, AuditTargets targets) {
        CollectorRegistry r = new CollectorRegistry();

        r.register(GitHubFacts.VIEWER, (key, facts) -> clients.github().viewer());
        r.register(GitHubFacts.user(""), (key, facts) -> clients.github().user(key.subject()));

        r.register(NpmFacts.PROFILE, (key, facts) -> clients.npm().profile());
        r.register(NpmFacts.packument(""), (key, facts) -> clients.npm().packument(key.subject()));
        r.register(NpmFacts.userPackages(""), (key, facts) ->
                new NpmUserPackages(key.subject(), clients.npm().packagesOf(key.subject())));
        r.register(NpmFacts.AUDITED_PACKAGES, new NpmAuditedPackagesCollector(targets));

        r.register(PyPIFacts.project(""), (key, facts) -> clients.pypi().project(key.subject()));
        r.register(PyPIFacts.AUDITED_PROJECTS, new PyPIAuditedProjectsCollector(targets));
        r.register(PyPIFacts.provenance("", "", ""), (key, facts) -> {
            String[] parts = key.subject().split("/", -1);
            if (parts.length != 3) {
                throw new CollectionException(Unavailability.of(Cause.INTERNAL,
                        "a provenance fact must name project/version/filename, not " + key.subject(),
                        "report the problem"));
            }
            return clients.pypi().provenance(parts[0], parts[1], parts[2]);
        });

        r.register(RdapFacts.domain(""), (key, facts) -> clients.rdap().domain(key.subject()));
        r.register(HibpFacts.breaches(""), (key, facts) ->
                new AccountBreaches(key.subject(), clients.hibp().breachedAccount(key.subject())));
        r.register(EmailFacts.KNOWN, new KnownEmailsCollector(clients, targets));
        return r;
    }
}
