package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.HibpFacts;
import dev.hardening.auditor.core.facts.rdap.RdapFacts;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of facts about email addresses: which are known, their domains (RDAP), their breaches (HIBP). */
final class EmailCollectors {
    private EmailCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        r.register(EmailFacts.KNOWN, new KnownEmailsCollector(clients, targets));
        r.register(RdapFacts.domain(""), (key, facts) -> clients.rdap().domain(key.subject()));
        r.register(HibpFacts.breaches(""), (key, facts) ->
                new AccountBreaches(key.subject(), clients.hibp().breachedAccount(key.subject())));
    }
}
