package dev.hardening.auditor.core.facts.rdap;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The RDAP facts that checks can ask for. */
public final class RdapFacts {
    private RdapFacts() {
    }

    private static final FactKey<DomainRegistration> DOMAIN = FactKey.of("rdap.domain", Platform.RDAP, DomainRegistration.class);

    /** The registration of a registrable domain (found through the IANA bootstrap or {@code --rdap-url}). */
    public static FactKey<DomainRegistration> domain(String registrableDomain) {
        return DOMAIN.about(registrableDomain);
    }
}
